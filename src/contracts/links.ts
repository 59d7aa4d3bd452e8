import { z } from 'zod';
import { Text } from './common';

/** Record types a link may join; later features add theirs here (policy, risk, evidence…). */
export const LINK_TYPES = ['safeguard', 'task', 'url', 'risk'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const LinkEndSchema = z.object({
  type: z.enum(LINK_TYPES),
  id: z
    .string()
    .trim()
    .min(1, { error: 'is required' })
    .max(2000)
    .describe('A citation for safeguard, a task or risk id, or an https address for url'),
});
export type LinkEnd = z.infer<typeof LinkEndSchema>;

export const LinkSchema = z.object({
  id: z.string(),
  type: z.enum(LINK_TYPES).describe('Type of the other record'),
  targetId: z.string(),
  label: z.string().describe('What the other record is, readable'),
  createdAt: z.iso.datetime(),
});
export type Link = z.infer<typeof LinkSchema>;

export const LinkBodySchema = z.object({
  from: LinkEndSchema,
  to: LinkEndSchema,
  label: Text(200).optional(),
});

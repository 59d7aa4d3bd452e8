import { z } from 'zod';
import { DateOnly, Required } from './common';

export const ENTITY_TYPES = [
  'provider',
  'health_plan',
  'clearinghouse',
  'business_associate',
  'hybrid',
] as const;
export const ENTITY_TYPE_LABELS: Record<(typeof ENTITY_TYPES)[number], string> = {
  provider: 'Covered entity: health care provider',
  health_plan: 'Covered entity: health plan',
  clearinghouse: 'Covered entity: health care clearinghouse',
  business_associate: 'Business associate',
  hybrid: 'Hybrid entity',
};
export const ORGANIZATION_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;

const OfficialSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  since: z.string().nullable().describe('Appointment date'),
});

export const OrganizationProfileSchema = z.object({
  name: z.string(),
  entityType: z.enum(ENTITY_TYPES).nullable(),
  includesGroupHealthPlan: z.boolean(),
  includesClearinghouse: z.boolean(),
  size: z.enum(ORGANIZATION_SIZES).nullable(),
  locations: z.array(z.string()),
  timeZone: z.string(),
  securityOfficial: OfficialSchema.nullable().describe('164.308(a)(2)'),
  privacyOfficial: OfficialSchema.nullable().describe('164.530(a)'),
});
export type OrganizationProfile = z.infer<typeof OrganizationProfileSchema>;

const OfficialBody = z.object({
  userId: z.uuid({ error: 'must be a member id' }),
  since: DateOnly,
});

export const OrganizationProfileBodySchema = z.object({
  name: Required(200).optional(),
  entityType: z.enum(ENTITY_TYPES).nullable().optional(),
  includesGroupHealthPlan: z.boolean().optional(),
  includesClearinghouse: z.boolean().optional(),
  size: z.enum(ORGANIZATION_SIZES).nullable().optional(),
  locations: z.array(Required(200)).max(100).optional(),
  timeZone: z
    .string()
    .refine((zone) => isTimeZone(zone), {
      error: 'must be an IANA time zone such as America/Chicago',
    })
    .optional(),
  securityOfficial: OfficialBody.nullable().optional(),
  privacyOfficial: OfficialBody.nullable().optional(),
});
export type OrganizationProfileBody = z.infer<typeof OrganizationProfileBodySchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

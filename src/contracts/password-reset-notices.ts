import { z } from 'zod';

/**
 * A reset link an owner or administrator issued for a member (Members → Reset password). Without
 * SMTP the link is in `link`, shown once to the issuer to hand over in person: only its hash is
 * stored. With SMTP it was emailed to the member and `link` is null: the issuer never sees it.
 */
export const IssuedPasswordResetSchema = z.object({
  link: z.string().nullable(),
  emailed: z.boolean(),
  expiresAt: z.iso.datetime(),
});
export type IssuedPasswordReset = z.infer<typeof IssuedPasswordResetSchema>;

/**
 * What a member is told after signing in: someone else issued a reset link for their account
 * (who, when, in which organization) and whether it was used to set a new password.
 */
export const PasswordResetNoticeSchema = z.object({
  issuedBy: z.string().describe("The issuer's name"),
  organization: z.string().nullable(),
  issuedAt: z.iso.datetime(),
  usedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime(),
});
export type PasswordResetNotice = z.infer<typeof PasswordResetNoticeSchema>;

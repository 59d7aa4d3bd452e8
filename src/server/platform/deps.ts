import type { AuditListener } from './audit/append';
import type { AuditKeys } from './audit/keys';
import type { Background } from './background';
import type { Clock } from './clock';
import type { SecretBox } from './crypto/secret-box';
import type { Mailer } from './mail/mailer';
import type { Jobs } from './jobs/types';
import type { DatabaseHandle } from './db/connection';
import type { DashboardContribution } from './dashboard';
import type { LinkRegistry } from './links-registry';
import type { OutboundPolicy } from './net/outbound';
import type { FileVault } from './storage/file-vault';

/** What features receive from the app: passed explicitly, never imported as globals. */
export interface AppDeps {
  database: DatabaseHandle;
  clock: Clock;
  /** Keys of the audit trail, derived from the master key (links, heads, checkpoints). */
  auditKeys: AuditKeys;
  secrets: SecretBox;
  /** Stored files, encrypted at rest (platform/storage; design.md §6.6). */
  files: FileVault;
  mailer: Mailer;
  /** Background work kept in the database: retried, scheduled, run once (platform/jobs). */
  jobs: Jobs;
  /** Work that runs after the answer (see background.ts). */
  background: Background;
  /** Where users reach Custos, for links in emails (no trailing slash). */
  baseUrl: string;
  /** The record types links may join, as the features declare them. */
  links: LinkRegistry;
  /** What the features add to the dashboard (their manifests' `dashboard`). */
  dashboard: readonly DashboardContribution[];
  /** Run in the transaction of every audit event appended with these deps (manifests' `auditListener`). */
  auditListeners?: readonly AuditListener[];
  /** Where requests to addresses people give (webhooks) may go (CUSTOS_WEBHOOKS_ALLOW_PRIVATE). */
  outbound: OutboundPolicy;
}

import type { AuditKeys } from './audit/keys';
import type { Background } from './background';
import type { Clock } from './clock';
import type { SecretBox } from './crypto/secret-box';
import type { Mailer } from './mail/mailer';
import type { Jobs } from './jobs/types';
import type { DatabaseHandle } from './db/connection';
import type { DashboardContribution } from './dashboard';
import type { LinkRegistry } from './links-registry';

/** What features receive from the app: passed explicitly, never imported as globals. */
export interface AppDeps {
  database: DatabaseHandle;
  clock: Clock;
  /** Keys of the audit trail, derived from the master key (links, heads, checkpoints). */
  auditKeys: AuditKeys;
  secrets: SecretBox;
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
}

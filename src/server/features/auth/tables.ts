import type { Role } from '../../../contracts/roles';

/** The feature's tables, added to Kysely's `Database` (db/schema.ts) by augmentation. */
declare module '../../db/schema' {
  interface Database {
    users: UsersTable;
    sessions: SessionsTable;
    recovery_codes: RecoveryCodesTable;
    api_tokens: ApiTokensTable;
    password_resets: PasswordResetsTable;
  }
}

export interface UsersTable {
  id: string;
  email: string;
  email_key: string;
  name: string;
  password_hash: string;
  password_changed_at: string;
  created_at: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  org_id: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  authenticated_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
  mfa_pending: number;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  role: Role;
  token_hash: string;
  prefix: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** The owner or administrator who issued the link for the member; null when self-service. */
  issued_by: string | null;
  /** The organization the issuer acted in. */
  org_id: string | null;
  /** When the member read, after signing in, that an administrator issued it. */
  noticed_at: string | null;
}

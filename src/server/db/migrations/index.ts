import type { Migration } from 'kysely';
import * as m0001 from './0001_create_instance';
import * as m0002 from './0002_create_identity';
import * as m0003 from './0003_create_audit_events';
import * as m0004 from './0004_add_mfa';
import * as m0005 from './0005_create_invitations_and_outbox';
import * as m0006 from './0006_create_api_tokens';
import * as m0007 from './0007_create_password_resets';
import * as m0008 from './0008_create_compliance_program';
import * as m0009 from './0009_create_assets';
import * as m0010 from './0010_create_risk_analysis';
import * as m0011 from './0011_anchor_audit_chains';
import * as m0013 from './0013_seal_outbox_links';
import * as m0014 from './0014_create_jobs';
import * as m0016 from './0016_add_outbox_html';

/**
 * Every migration, in order. Listed by hand so the bundle carries them; names are
 * `NNNN_verb_object` and a released migration never changes.
 */
export const migrations: Record<string, Migration> = {
  '0001_create_instance': m0001,
  '0002_create_identity': m0002,
  '0003_create_audit_events': m0003,
  '0004_add_mfa': m0004,
  '0005_create_invitations_and_outbox': m0005,
  '0006_create_api_tokens': m0006,
  '0007_create_password_resets': m0007,
  '0008_create_compliance_program': m0008,
  '0009_create_assets': m0009,
  '0010_create_risk_analysis': m0010,
  '0011_anchor_audit_chains': m0011,
  '0013_seal_outbox_links': m0013,
  '0014_create_jobs': m0014,
  '0016_add_outbox_html': m0016,
};

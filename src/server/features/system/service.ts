import { v7 as uuidv7 } from 'uuid';
import type { Readiness, SystemStatus } from '../../../contracts/system';
import type { AppDeps } from '../../platform/deps';
import { pingDatabase } from '../../platform/db/connection';
import { migrationState, type MigrationState } from '../../platform/db/migrator';
import { productVersion } from '../../platform/package-info';
import { AppError } from '../../platform/errors';
import { presentStatus } from './presenter';
import { findInstance, insertInstanceIfMissing, type InstanceRow } from './repository';

export interface StatusRecord {
  version: string;
  databaseKind: AppDeps['database']['kind'];
  migrations: MigrationState;
  instance: InstanceRow;
}

/** Creates the installation's identity row on first start; safe to call from many processes. */
export async function ensureInstance(
  deps: Pick<AppDeps, 'database'>,
  now = new Date(),
): Promise<InstanceRow> {
  const db = deps.database.db;
  await insertInstanceIfMissing(db, { id: uuidv7(), created_at: now.toISOString() });
  const row = await findInstance(db);
  if (!row) {
    throw new Error('instance row missing after insert');
  }
  return row;
}

export async function getStatus(deps: AppDeps): Promise<StatusRecord> {
  const migrations = await migrationState(deps.database.db);
  const instance = migrations.current ? await findInstance(deps.database.db) : undefined;
  if (!instance) {
    throw new AppError('unavailable', 'Custos is not set up yet: database migrations are pending.');
  }
  return { version: productVersion(), databaseKind: deps.database.kind, migrations, instance };
}

/** The installation's status as the API answers it. */
export async function systemStatus(deps: AppDeps): Promise<SystemStatus> {
  return presentStatus(await getStatus(deps));
}

/** Ready = the database answers and every migration this version ships is applied. */
export async function checkReadiness(deps: AppDeps): Promise<Readiness> {
  try {
    await pingDatabase(deps.database.db);
  } catch {
    return { status: 'not_ready', checks: { database: 'unreachable', migrations: 'unknown' } };
  }
  const { current } = await migrationState(deps.database.db);
  return {
    status: current ? 'ready' : 'not_ready',
    checks: { database: 'ok', migrations: current ? 'current' : 'pending' },
  };
}

import type { SystemStatus } from '../../../contracts/system';
import type { StatusRecord } from './service';

export function presentStatus(record: StatusRecord): SystemStatus {
  return {
    product: 'Custos',
    version: record.version,
    database: { kind: record.databaseKind },
    migrations: {
      applied: record.migrations.applied,
      pending: record.migrations.pending,
      latest: record.migrations.latest,
      current: record.migrations.current,
    },
    instance: { id: record.instance.id, createdAt: record.instance.created_at },
  };
}

import type { AuditChanges } from '../../../contracts/audit';

/** API field name → the column that stores it: how a record's fields appear in the audit trail. */
export type AuditFields<Row> = Readonly<Record<string, keyof Row & string>>;

/**
 * The changes an update makes, keyed by API field names (so every feature's trail reads alike,
 * whatever its columns are called): each field whose column `values` sets to another value than
 * `before` holds, with both values. With `unchanged`, every field `values` sets is recorded, as a
 * decision records its whole content. A column of `values` that no field names is a programming
 * error: nothing written goes unaudited (164.312(b): audit controls).
 */
export function changesOf<Row extends object>(
  before: Row,
  values: Partial<Row>,
  fields: AuditFields<Row>,
  options: { unchanged?: boolean } = {},
): AuditChanges {
  const audited = new Set<string>(Object.values(fields));
  const unnamed = Object.entries(values)
    .filter(([column, value]) => value !== undefined && !audited.has(column))
    .map(([column]) => column);
  if (unnamed.length > 0) {
    throw new Error(`changesOf: no audit field names ${unnamed.join(', ')}`);
  }
  const changes: AuditChanges = {};
  for (const [field, column] of Object.entries(fields)) {
    const after = values[column];
    if (after === undefined) continue;
    if (options.unchanged === true || after !== before[column]) {
      changes[field] = { before: before[column], after };
    }
  }
  return changes;
}

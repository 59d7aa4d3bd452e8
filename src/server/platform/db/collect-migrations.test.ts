import type { Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { collectMigrations } from './migrator';

const migration: Migration = { up: () => Promise.resolve() };

describe("the platform's migrations and the features' own", () => {
  it('orders them all by name', () => {
    const all = collectMigrations(migrations, [
      { name: 'vendors', migrations: { '9913_create_vendors': migration } },
      { name: 'policies', migrations: { '9912_create_policies': migration } },
    ]);
    expect(Object.keys(all).slice(-3)).toEqual([
      Object.keys(migrations).at(-1),
      '9912_create_policies',
      '9913_create_vendors',
    ]);
    expect(Object.keys(all)).toHaveLength(Object.keys(migrations).length + 2);
  });

  it('refuses a name used twice', () => {
    expect(() =>
      collectMigrations(migrations, [
        { name: 'vendors', migrations: { '0011_anchor_audit_chains': migration } },
      ]),
    ).toThrow('Migration 0011_anchor_audit_chains of vendors has the name of another migration');
  });
});

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionLabel } from '../src/contracts/audit-actions';
import * as features from '../src/contracts/features';

// Issue 12: a person reads labels, never an enum's raw value. Every closed set of values a contract
// exports (an upper-case array of strings) has a `<SINGULAR>_LABELS` record beside it, whose keys are
// exactly its values; the web app, the exports and the server's messages read them there.
const NOT_SHOWN: Record<string, string> = {
  // Role groups of the permission table: their members are roles, labelled by ROLE_LABELS.
  ADMINS: 'role group',
  EDITORS: 'role group',
  STAFF_READERS: 'role group',
  AUDIT_READERS: 'role group',
  EVERY_ROLE: 'role group',
  // Error codes are for programs; people read the error's message.
  ERROR_CODES: 'machine-readable',
  // Column names of the import template: the file's header row, written as they are.
  ASSET_IMPORT_COLUMNS: 'file format',
  ROSTER_COLUMNS: 'file format',
  // Media types of an upload, sent by the browser.
  ASSET_IMPORT_TYPES: 'file format',
  ROSTER_IMPORT_TYPES: 'file format',
  // Permission keys, never shown.
  PERSON_ONLY: 'permission keys',
  CONCEALED: 'permission keys',
  // Tier names, written for people, copied into an organization's own tiers.
  DEFAULT_SANCTION_TIERS: 'already words',
  // Labelled by each feature's auditActionLabels, checked below.
  AUDIT_ACTIONS: 'labelled below',
  // Sentences written for people (the 164.316(b)(1) guidance lists them as they are).
  RECORDS_KEPT: 'already words',
};

const CONTRACTS = new URL('../src/contracts/', import.meta.url);
const modules = await Promise.all(
  readdirSync(CONTRACTS)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map(async (file) => ({
      file,
      exports: Object.entries(
        (await import(`${CONTRACTS.href}${file}`)) as Record<string, unknown>,
      ),
    })),
);

function isValueList(value: unknown): value is readonly string[] {
  return (
    Array.isArray(value) && value.length > 0 && value.every((v: unknown) => typeof v === 'string')
  );
}

/** RISK_STATUSES → RISK_STATUS_LABELS, CRITICALITIES → CRITICALITY_LABELS, FLOW_ENCRYPTION → itself. */
function labelsName(name: string): string {
  const singular = name.endsWith('IES')
    ? `${name.slice(0, -3)}Y`
    : name.endsWith('SES')
      ? name.slice(0, -2)
      : name.endsWith('S')
        ? name.slice(0, -1)
        : name;
  return `${singular}_LABELS`;
}

const lists = modules.flatMap(({ file, exports }) =>
  exports.flatMap(([name, value]) =>
    /^[A-Z][A-Z_]*$/.test(name) && !(name in NOT_SHOWN) && isValueList(value)
      ? [{ file, name, values: value, labels: exports.find(([n]) => n === labelsName(name))?.[1] }]
      : [],
  ),
);

describe('labels of every value a person reads', () => {
  it('finds the closed sets of the contracts', () => {
    expect(lists.map((l) => l.name)).toEqual(
      expect.arrayContaining(['ROLES', 'TASK_STATUSES', 'CRITICALITIES', 'ASSESSMENT_STATUSES']),
    );
  });

  it.each(lists.map((l) => [`${l.file} ${l.name}`, l] as const))(
    '%s has a label for each value, and nothing else',
    (_, { name, values, labels }) => {
      expect(labels, `${labelsName(name)} is missing`).toBeTypeOf('object');
      const entries = Object.entries(labels ?? {});
      expect(entries.map(([k]) => k).sort()).toEqual([...values].sort());
      for (const [value, label] of entries) {
        expect(label).toBeTypeOf('string');
        expect(label, `${value} has no label of its own`).not.toMatch(/^$|_/);
      }
    },
  );

  it('labels every audit action of every feature, with nothing left over', () => {
    for (const { auditActions, auditActionLabels } of Object.values(features)) {
      expect(Object.keys(auditActionLabels).sort()).toEqual([...auditActions].sort());
    }
    for (const action of AUDIT_ACTIONS) {
      expect(auditActionLabel(action)).not.toBe(action);
      expect(auditActionLabel(action)).toMatch(/^[A-Z]/);
    }
  });
});

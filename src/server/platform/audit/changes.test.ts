import { describe, expect, it } from 'vitest';
import { changesOf } from './changes';

interface Row {
  title: string;
  owner_id: string | null;
  due_on: string | null;
  updated_at: string;
}

const before: Row = { title: 'Old', owner_id: 'u1', due_on: null, updated_at: '2026-01-01' };
const FIELDS = { title: 'title', ownerId: 'owner_id', dueOn: 'due_on' } as const;

describe('changesOf', () => {
  it('keys changed fields by their API names, with the values before and after', () => {
    expect(changesOf(before, { title: 'New', owner_id: null, due_on: null }, FIELDS)).toEqual({
      title: { before: 'Old', after: 'New' },
      ownerId: { before: 'u1', after: null },
    });
  });

  it('records nothing when nothing changes, and every field when asked to', () => {
    expect(changesOf(before, { title: 'Old' }, FIELDS)).toEqual({});
    expect(changesOf(before, { title: 'Old', due_on: null }, FIELDS, { unchanged: true })).toEqual({
      title: { before: 'Old', after: 'Old' },
      dueOn: { before: null, after: null },
    });
  });

  it('refuses a written column that no field names', () => {
    expect(() => changesOf(before, { title: 'New', updated_at: '2026-02-01' }, FIELDS)).toThrow(
      'changesOf: no audit field names updated_at',
    );
  });
});

import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

const open: SQLite.Database[] = [];
afterEach(() => {
  for (const database of open.splice(0)) {
    database.close();
  }
});

function counted() {
  const database = new SQLite(':memory:');
  open.push(database);
  database.exec('create table t (id integer primary key, name text)');
  database.exec("insert into t (name) values ('a'), ('b'), ('c')");
  return { database, cached: withStatementCache(database) };
}

describe('statement cache', () => {
  it('prepares each SQL text once and runs it with new parameters', () => {
    const { cached } = counted();
    const byId = 'select name from t where id = ?';
    const statement = cached.prepare(byId);
    expect(statement.all([1])).toEqual([{ name: 'a' }]);
    expect(cached.prepare(byId)).toBe(statement);
    expect(cached.prepare(byId).all([2])).toEqual([{ name: 'b' }]);
    expect(cached.prepare('select count(*) as n from t')).not.toBe(statement);
  });

  it('gives a statement that is still iterating to no one else', () => {
    const { cached } = counted();
    const text = 'select id from t order by id';
    const statement = cached.prepare(text);
    const outer = statement.iterate([]);
    const first = outer.next();
    // Same text while the first iteration is open: a statement of its own.
    const other = cached.prepare(text);
    expect(other).not.toBe(statement);
    expect(other.all([])).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect([first.value, ...outer]).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('forgets the least recently used statement past 500', () => {
    const { cached } = counted();
    const text = (i: number) => `select ${i} as n`;
    const first = cached.prepare(text(0));
    const second = cached.prepare(text(1));
    expect(cached.prepare(text(0))).toBe(first);
    for (let i = 2; i <= 500; i++) {
      cached.prepare(text(i));
    }
    // 501 texts: the least recently used, text(1), is gone; text(0) was used since.
    expect(cached.prepare(text(0))).toBe(first);
    expect(cached.prepare(text(1))).not.toBe(second);
  });

  it('sees a column added after a statement was cached', async () => {
    const { database } = counted();
    const db = new Kysely<{ t: { id: number; name: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
    });
    const all = () => sql`select * from t where id = 1`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, name: 'a' }]);
    await sql`alter table t add column note text default 'n'`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, name: 'a', note: 'n' }]);
  });

  it('names the columns anew after a rename (same count) and keeps duplicate names as SQLite does', async () => {
    const { database } = counted();
    const db = new Kysely<{ t: { id: number; name: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
    });
    const all = () => sql`select * from t where id = 2`.execute(db);
    expect((await all()).rows).toEqual([{ id: 2, name: 'b' }]);
    await sql`alter table t rename column name to label`.execute(db);
    expect((await all()).rows).toEqual([{ id: 2, label: 'b' }]);
    const twice = await sql`select id as x, label as x from t where id = 3`.execute(db);
    expect(twice.rows).toEqual([
      database.prepare('select id as x, label as x from t where id = 3').get(),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { cli, envFor } from '../../test/support/cli';
import { freshDatabases, testDatabaseKind } from '../../test/support/database';
import { allMigrations } from '../server/platform/db/migrator';
import { productVersion } from '../server/platform/package-info';

// db/migrations and every feature's own.
const migrations = await allMigrations();

const kind = testDatabaseKind();
const freshDatabase = freshDatabases();

describe('custos CLI', () => {
  it('--version prints the version', async () => {
    const run = await cli(['--version'], {});
    expect(run.result).toBe(0);
    expect(run.out).toEqual([productVersion()]);
  });

  it.each([[], ['serve'], ['db'], ['db', 'migrate'], ['doctor']])(
    '%s --help explains the command',
    async (...argv) => {
      const run = await cli([...argv, '--help'], {});
      expect(run.result).toBe(0);
      expect(run.out[0]).toMatch(/^Usage: custos/);
    },
  );

  it('an unknown command is one error line and exit 1', async () => {
    const run = await cli(['frobnicate'], {});
    expect(run.result).toBe(1);
    expect(run.err[0]).toMatch(/unknown command 'frobnicate'/);
  });

  it('serve with PORT=abc exits 1 with one line naming PORT', async () => {
    const run = await cli(['serve'], { PORT: 'abc' });
    expect(run.result).toBe(1);
    expect(run.err).toEqual([
      'custos: Invalid configuration: PORT must be a whole number from 1 to 65535, got "abc"',
    ]);
  });

  it(`db migrate applies every migration on ${kind}, then has nothing to do`, async () => {
    const database = await freshDatabase({ migrate: false });
    const env = envFor(database.target);
    const first = await cli(['db', 'migrate'], env);
    expect(first.result).toBe(0);
    expect(first.out).toEqual([
      ...Object.keys(migrations).map((name) => `applied ${name}`),
      `${Object.keys(migrations).length} migration${Object.keys(migrations).length === 1 ? '' : 's'} applied.`,
    ]);
    const second = await cli(['db', 'migrate'], env);
    expect(second.out).toEqual(['The database is up to date; no migration to apply.']);
  });

  it(`doctor passes on a migrated ${kind} database`, async () => {
    const database = await freshDatabase();
    const run = await cli(['doctor'], envFor(database.target));
    expect(run.result).toBe(0);
    expect(run.out).toContain('No problem found.');
    expect(run.out.some((l) => /ok {4}migrations current/.test(l))).toBe(true);
  });

  it(`doctor fails while migrations are pending on ${kind}`, async () => {
    const database = await freshDatabase({ migrate: false });
    if (kind === 'sqlite') {
      // An existing but empty SQLite file, as after a failed first start.
      await database.handle.db.selectNoFrom((eb) => eb.val(1).as('x')).execute();
    }
    const run = await cli(['doctor'], envFor(database.target));
    expect(run.result).toBe(1);
    expect(run.out.join('\n')).toMatch(/FAIL {2}\d+ migrations? pending/);
  });

  it('doctor reports an unreachable PostgreSQL without its password', async () => {
    const run = await cli(['doctor'], {
      DATABASE_URL: 'postgres://custos:s3cret@127.0.0.1:1/custos',
      CUSTOS_DATA_DIR: `/tmp/custos-doctor-${process.pid}`,
    });
    expect(run.result).toBe(1);
    const text = run.out.join('\n');
    expect(text).toMatch(/FAIL {2}postgres database unreachable: connection refused/);
    expect(text).toContain('postgres://custos:***@127.0.0.1:1/custos');
    expect(text).not.toContain('s3cret');
  });

  it('doctor says when the SQLite file does not exist yet', async () => {
    const run = await cli(['doctor'], {
      CUSTOS_DATA_DIR: `/tmp/custos-doctor-${process.pid}-${Date.now()}`,
    });
    expect(run.result).toBe(1);
    expect(run.out.join('\n')).toMatch(/FAIL {2}SQLite database .* does not exist yet/);
  });
});

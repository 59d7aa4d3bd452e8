import { randomBytes } from 'node:crypto';
import { ROLE_LABELS } from '../../contracts/roles';
import { seedDemo } from '../../server/features/demo/seed';
import { migrateToLatest } from '../../server/platform/db/migrator';
import { AppError } from '../../server/platform/errors';
import { cliAppDeps } from '../app-deps';
import { cliAuditContext, withDatabase } from '../database';
import { oneLine, type Io } from '../io';

/** A readable one-off password for the demo accounts (printed once). */
function demoPassword(): string {
  return `riverside-${randomBytes(9).toString('base64url')}`;
}

/** Seeds the demo clinic and prints how to sign in. */
export async function runDemo(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  try {
    const seeded = await withDatabase(env, async (db, config) => {
      await migrateToLatest(db);
      // The demo's people have made-up addresses: their mail stays in the outbox.
      const { deps, jobs } = await cliAppDeps(db, config, io, { sendMail: false });
      const result = await seedDemo(deps, cliAuditContext('demo'), demoPassword());
      await deps.background.idle();
      await jobs.stop();
      return result;
    });
    io.out(`Created the demo organization "${seeded.organization}" (${seeded.orgId}).`);
    io.out('');
    io.out(
      `Start Custos (npm start) and sign in with any of these accounts; the password of each is`,
    );
    io.out(`  ${seeded.password}`);
    io.out('');
    const roleWidth = Math.max(...seeded.people.map((p) => ROLE_LABELS[p.role].length));
    const nameWidth = Math.max(...seeded.people.map((p) => p.name.length));
    for (const person of seeded.people) {
      const role = ROLE_LABELS[person.role].padEnd(roleWidth);
      io.out(`  ${role}  ${person.name.padEnd(nameWidth)}  ${person.email}`);
    }
    io.out('');
    io.out('Demo accounts share one password: use them to explore, never for real records.');
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') {
      io.err(
        'custos: the demo organization already exists in this database (its accounts are listed by the first run).',
      );
      return 1;
    }
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
}

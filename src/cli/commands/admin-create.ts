import { text } from 'node:stream/consumers';
import { z } from 'zod';
import { hashPassword } from '../../server/features/auth/passwords';
import { assertPasswordAcceptable } from '../../server/features/auth/service/accounts';
import { claimSetupIfOpen } from '../../server/features/auth/service/admin';
import { createOrganizationWithOwner } from '../../server/features/organizations/service/new-organization';
import { appendAuditEvent } from '../../server/platform/audit/append';
import { systemClock } from '../../server/platform/clock';
import { migrateToLatest } from '../../server/platform/db/migrator';
import { AppError } from '../../server/platform/errors';
import { cliAuditContext, cliAuditDeps, withDatabase } from '../database';
import { oneLine, type Io } from '../io';

const Args = z.object({
  org: z.string().trim().min(1, { error: '--org must name the organization' }).max(200),
  email: z.email({ error: '--email must be an email address' }).max(254),
  name: z.string().trim().min(1).max(200).optional(),
});

/**
 * Scripted install: creates an organization and its owner. The password is read from stdin,
 * never from arguments (which other users of the machine can see). Prints the organization id.
 */
export async function runAdminCreate(
  env: NodeJS.ProcessEnv,
  io: Io,
  args: { org?: string; email?: string; name?: string; passwordStdin?: boolean },
  stdin: NodeJS.ReadableStream,
): Promise<number> {
  try {
    if (!args.passwordStdin) {
      throw new Error(
        '--password-stdin is required: pipe the password in, e.g. `printf %s "$PW" | custos admin create …`',
      );
    }
    const parsed = Args.safeParse(args);
    if (!parsed.success) {
      throw new Error(parsed.error.issues[0]?.message ?? 'invalid arguments');
    }
    const { org, email } = parsed.data;
    const name = parsed.data.name ?? email.split('@')[0] ?? email;
    const password = (await text(stdin)).replace(/\r?\n$/, '');
    await assertPasswordAcceptable('password', password, { email, name });
    const created = await withDatabase(env, async (db, config) => {
      await migrateToLatest(db);
      const deps = cliAuditDeps(config);
      const passwordHash = await hashPassword(password);
      const context = cliAuditContext('admin create');
      return db.transaction().execute(async (trx) => {
        const result = await createOrganizationWithOwner(trx, deps, context, {
          orgName: org,
          owner: { name, email, passwordHash },
        });
        if (await claimSetupIfOpen(trx, systemClock)) {
          await appendAuditEvent(trx, deps, context, {
            orgId: result.orgId,
            action: 'setup.completed',
          });
        }
        return result;
      });
    });
    io.out(created.orgId);
    return 0;
  } catch (error) {
    io.err(
      `custos: ${error instanceof AppError && error.details?.[0] ? `${error.details[0].path} ${error.details[0].message}` : oneLine(error)}`,
    );
    return 1;
  }
}

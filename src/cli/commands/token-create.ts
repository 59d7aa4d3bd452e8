import { TokenCreateBodySchema } from '../../contracts/auth';
import { findUserByEmailKey } from '../../server/features/auth/repository/accounts';
import { emailKeyOf } from '../../server/features/auth/service/accounts';
import { issueToken } from '../../server/features/auth/service/tokens';
import { AppError } from '../../server/platform/errors';
import { cliAppDeps } from '../app-deps';
import { cliAuditContext, withDatabase } from '../database';
import { oneLine, type Io } from '../io';

const OPTION_OF: Record<string, string> = {
  orgId: '--org',
  role: '--role',
  expiresInDays: '--days',
  name: '--name',
};

/** Issues an API token for automation (log shippers, scripts) and prints it once. */
export async function runTokenCreate(
  env: NodeJS.ProcessEnv,
  io: Io,
  args: { email: string; org: string; role: string; days?: string; name?: string },
): Promise<number> {
  try {
    const days = args.days === undefined ? 90 : Number(args.days);
    const parsed = TokenCreateBodySchema.safeParse({
      orgId: args.org,
      role: args.role,
      name: args.name ?? 'CLI token',
      expiresInDays: days,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${OPTION_OF[String(issue?.path[0])] ?? 'argument'} ${issue?.message ?? 'is invalid'}`,
      );
    }
    const token = await withDatabase(env, async (db, config) => {
      const user = await findUserByEmailKey(db, emailKeyOf(args.email));
      if (!user) {
        throw new Error(`--email: no account with the address ${args.email}`);
      }
      // The app's deps: the token.created event reaches the organization's webhooks.
      const { deps, jobs } = await cliAppDeps(db, config, io);
      try {
        const issued = await db
          .transaction()
          .execute((trx) =>
            issueToken(trx, deps, cliAuditContext('token create'), user.id, parsed.data),
          );
        return issued.token;
      } finally {
        await jobs.stop();
      }
    });
    io.out(token);
    return 0;
  } catch (error) {
    io.err(
      `custos: ${error instanceof AppError && error.details?.[0] ? `--role ${error.details[0].message}` : oneLine(error)}`,
    );
    return 1;
  }
}

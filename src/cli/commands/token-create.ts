import { v7 as uuidv7 } from 'uuid';
import { TokenCreateBodySchema } from '../../contracts/identity';
import { findUserByEmailKey } from '../../server/features/identity/repository';
import { emailKeyOf } from '../../server/features/identity/service/setup';
import { issueToken } from '../../server/features/identity/service/tokens';
import { systemClock } from '../../server/platform/clock';
import { loadConfig } from '../../server/platform/config';
import {
  describeDatabaseError,
  openDatabase,
  pingDatabase,
} from '../../server/platform/db/connection';
import { AppError } from '../../server/platform/http/errors';
import { oneLine, type Io } from '../io';

/** Issues an API token for automation (log shippers, scripts) and prints it once. */
export async function runTokenCreate(
  env: NodeJS.ProcessEnv,
  io: Io,
  args: { email: string; org: string; role: string; days?: string; name?: string },
): Promise<number> {
  let database: ReturnType<typeof openDatabase> | undefined;
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
      const option =
        { orgId: '--org', role: '--role', expiresInDays: '--days', name: '--name' }[
          String(issue?.path[0])
        ] ?? 'argument';
      throw new Error(`${option} ${issue?.message ?? 'is invalid'}`);
    }
    const config = loadConfig(env);
    database = openDatabase(config.database);
    const db = database.db;
    await pingDatabase(db).catch((error: unknown) => {
      throw new Error(
        `Cannot reach the ${config.database.kind} database: ${describeDatabaseError(error)}`,
      );
    });
    const user = await findUserByEmailKey(db, emailKeyOf(args.email));
    if (!user) {
      throw new Error(`--email: no account with the address ${args.email}`);
    }
    const context = {
      actor: { type: 'system' as const, id: null, label: 'custos token create' },
      ip: null,
      userAgent: null,
      requestId: `cli-${uuidv7()}`,
    };
    const { token } = await db
      .transaction()
      .execute((trx) => issueToken(trx, systemClock, context, user.id, parsed.data));
    io.out(token);
    return 0;
  } catch (error) {
    io.err(
      `custos: ${error instanceof AppError && error.details?.[0] ? `--role ${error.details[0].message}` : oneLine(error)}`,
    );
    return 1;
  } finally {
    await database?.destroy().catch(() => undefined);
  }
}

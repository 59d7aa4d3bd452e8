import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadMasterKey } from '../../server/platform/crypto/master-key';
import { rotateMasterKey } from '../../server/platform/crypto/rotate-master-key';
import { withDatabase } from '../database';
import { oneLine, type Io } from '../io';

const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

function newKeyFrom(options: { newKeyFile?: string }, env: NodeJS.ProcessEnv): Buffer {
  const text = options.newKeyFile
    ? readFileSync(options.newKeyFile, 'utf8').trim()
    : env.CUSTOS_NEW_MASTER_KEY?.trim();
  if (text === undefined || text === '') return randomBytes(32);
  if (!BASE64_KEY.test(text)) {
    throw new Error(
      `${options.newKeyFile ? '--new-key-file' : 'CUSTOS_NEW_MASTER_KEY'} must hold 32 random bytes in base64 (44 characters), e.g. from \`openssl rand -base64 32\``,
    );
  }
  return Buffer.from(text, 'base64');
}

/**
 * `custos keys rotate`: re-seals every file key and secret under a new master key (from
 * --new-key-file, CUSTOS_NEW_MASTER_KEY, or a new random one) without rewriting stored files,
 * then says what to back up. Run it with the server stopped: a running server keeps sealing with
 * the key it started with (design.md §6.6).
 */
export async function runKeysRotate(
  env: NodeJS.ProcessEnv,
  io: Io,
  options: { newKeyFile?: string },
): Promise<number> {
  try {
    return await withDatabase(env, async (db, config) => {
      const current = loadMasterKey(config.masterKey, config.dataDir);
      const fromEnv = config.masterKey !== null;
      const result = await rotateMasterKey(
        db,
        { old: current.key, new: newKeyFrom(options, env), fromEnv },
        config.dataDir,
      );
      for (const { name, count } of result.counts) {
        io.out(`Re-sealed ${count} ${name}`);
      }
      io.out(
        'The master key is rotated. Back up now, together with the database and the blobs folder:',
      );
      for (const file of result.written) io.out(`  ${file}`);
      if (fromEnv) {
        io.out(
          `Set CUSTOS_MASTER_KEY to the content of ${result.written.at(-1) ?? ''}, then delete that file. The old key opens nothing any more.`,
        );
      } else {
        io.out('The old key opens nothing any more: destroy its copies.');
      }
      return 0;
    });
  } catch (error) {
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
}

// Process entry for `node dist/node/server.js`: configuration → database → app → listen.
import { runServe } from './serve';

if ((await runServe(process.env, (line) => process.stderr.write(line + '\n'))) !== 0) {
  process.exit(1);
}

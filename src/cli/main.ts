// Entry of the `custos` binary (bundled to dist/node/cli.js).
import { processIo } from './io';
import { runCli } from './program';

const result = await runCli(process.argv.slice(2), process.env, processIo);
if (result !== 'serving') {
  process.exit(result);
}

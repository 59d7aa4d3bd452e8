/**
 * Log lines for a person at a terminal (LOG_FORMAT=pretty, the default when standard output is a
 * TTY): time, level and message, then the fields on the same line. Loaded only when asked for, so
 * JSON logging (servers, tests, benchmarks) never loads it.
 */
export async function prettyLogStream(): Promise<NodeJS.WritableStream> {
  const { default: pretty } = await import('pino-pretty');
  return pretty({
    colorize: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,method,path,status,durationMs',
    // A request reads "request GET /api/me 200 (1.2 ms)", its id among the fields.
    messageFormat: '{msg}{if method} {method} {path} {status} ({durationMs} ms){end}',
    singleLine: true,
    // Written as they come, so they stay in order with the lines the CLI prints.
    sync: true,
  });
}

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  messages: string[];
  /** Resolves when `count` messages have arrived (or rejects after `ms`). */
  received(count: number, ms?: number): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives (design: real parts, not mocks).
 * `refuse` maps recipient addresses to the reply code the server answers them with (550, 450).
 */
export async function startTestSmtp(
  options: { refuse?: Readonly<Record<string, number>> } = {},
): Promise<TestSmtp> {
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = options.refuse?.[address.address];
      if (code === undefined) {
        callback();
        return;
      }
      const refusal = Object.assign(new Error(`Mailbox unavailable: ${address.address}`), {
        responseCode: code,
      });
      callback(refusal);
    },
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        messages.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    received: async (count, ms = 5000) => {
      const deadline = Date.now() + ms;
      while (messages.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} messages, got ${messages.length}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      return messages;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

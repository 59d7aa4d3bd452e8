import type { OutboxTable } from '../../db/schema';
import type { SecretBox } from '../crypto/secret-box';

// The key purpose of sealed outbox bodies (secret-box.ts derives one key per purpose).
const PURPOSE = 'outbox-body';

/** The stored form of a message body: sealed when it carries a link only its recipient may use. */
export function storedBody(secrets: SecretBox, text: string, sealed: boolean): string {
  return sealed ? secrets.seal(text, PURPOSE) : text;
}

/** The text to send: a sealed body is opened only here, on its way to the recipient. */
export function bodyToSend(secrets: SecretBox, row: Pick<OutboxTable, 'body_text' | 'sealed'>) {
  return row.sealed === 1 ? secrets.open(row.body_text, PURPOSE) : row.body_text;
}

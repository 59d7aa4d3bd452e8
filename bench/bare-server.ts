// The reference of the request-cost figures: a bare Fastify app with no plugins, hooks or schemas,
// in its own process like the server under test. `/hello` answers a JSON hello; `/document`
// answers the JSON document read once from BARE_DOCUMENT (parsed, so Fastify serialises it on
// every request, as it does for any route without a schema).
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const file = process.env.BARE_DOCUMENT;
const document: unknown = file ? JSON.parse(readFileSync(file, 'utf8')) : null;
const app = Fastify();
app.get('/hello', () => ({ hello: 'world' }));
app.get('/document', () => document);
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
// A clean exit on SIGTERM, as the server under test does (and so `--cpu-prof` writes its profile).
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});

import { assertPostgresReachable } from './database';

// Vitest global setup for the PostgreSQL project: fail the whole run at once, loudly.
export default async function setup(): Promise<void> {
  await assertPostgresReachable();
}

import type { Clock } from './clock';
import type { DatabaseHandle } from './db/connection';

/** What features receive from the app: passed explicitly, never imported as globals. */
export interface AppDeps {
  database: DatabaseHandle;
  clock: Clock;
}

import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_STATUS } from './errors';

describe('error codes', () => {
  it('map to client statuses, except the server-side ones', () => {
    for (const code of ERROR_CODES) {
      const status = ERROR_STATUS[code];
      const serverSide =
        code === 'internal' || code === 'unavailable' || code === 'integrity_failed';
      expect(status, code).toBeGreaterThanOrEqual(serverSide ? 500 : 400);
      expect(status, code).toBeLessThan(serverSide ? 600 : 500);
    }
  });

  it('have exactly one status each', () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });
});

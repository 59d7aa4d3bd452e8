import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { retryQuery } from './retry';

describe('retryQuery', () => {
  it('never tries a 4xx again', () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429]) {
      expect([status, retryQuery(0, new ApiError('No', status, 'forbidden'))]).toEqual([
        status,
        false,
      ]);
    }
  });

  it('tries a network failure or a server error once more', () => {
    expect(retryQuery(0, new ApiError('Offline', 0, 'network'))).toBe(true);
    expect(retryQuery(0, new ApiError('Oops', 500, 'internal'))).toBe(true);
    expect(retryQuery(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(retryQuery(1, new ApiError('Oops', 503, 'internal'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { AccessReviewDetail } from '../../../contracts/access-reviews';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { setUpReviews, startReview } from '../../../../test/support/access-reviews';

const startApp = testApps();

describe(`an access review of the reviewer's own account, on ${testDatabaseKind()}`, () => {
  it('asks the reviewer why they keep their own access', async () => {
    const s = await setUpReviews(startApp);
    await s.call(s.officer, 'POST', '/people', {
      kind: 'employee',
      name: 'Olga Officer',
      userId: s.officer.user.id,
    });
    const review = await startReview(s);
    await s.upload(
      s.officer,
      `/access-reviews/${review.id}/accounts?mode=commit`,
      'Account,Person,Access level\nolga,Olga Officer,Superuser\n',
    );
    const [item] = (
      await s.call(s.officer, 'GET', `/access-reviews/${review.id}`)
    ).json<AccessReviewDetail>().items;
    const url = `/access-reviews/${review.id}/items/${item?.id}/decision`;
    const bare = await s.call(s.officer, 'PUT', url, { decision: 'keep' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('keep your own access');
    const said = await s.call(s.officer, 'PUT', url, {
      decision: 'keep',
      comment: 'Needed as the Security Official; seen by the owner.',
    });
    expect(said.statusCode).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import {
  collectFirstWeek,
  collectNextActions,
  oncePerAsk,
  type Contribution,
  type FirstWeekStep,
  type Ranked,
} from './dashboard';
import type { Permission } from '../../contracts/permissions';

const step = (rank: number, id: string, state: FirstWeekStep['state']): Ranked<FirstWeekStep> => ({
  rank,
  for: [],
  item: { id, title: id, detail: '', state, href: state === 'coming' ? null : `/${id}` },
});
const action = (rank: number, id: string, ...needs: Permission[]) => ({
  rank,
  for: needs,
  item: { id, title: id, detail: '', href: `/${id}` },
});

describe("the dashboard's contributions from the features", () => {
  const ask: { orgId: string; holds: (p: Permission) => boolean } = {
    orgId: 'o',
    holds: () => true,
  };
  const features: Contribution<typeof ask>[] = [
    { nextActions: () => Promise.resolve([action(50, 'late'), action(10, 'first')]) },
    {},
    {
      firstWeek: () =>
        Promise.resolve([step(45, 'policies', 'todo'), step(10, 'officials', 'done')]),
      nextActions: ({ orgId }) => Promise.resolve([action(20, `second-${orgId}`)]),
    },
  ];

  it('orders every next action by rank, whichever feature gives it', async () => {
    const ids = (await collectNextActions(features, ask)).map((a) => a.id);
    expect(ids).toEqual(['first', 'second-o', 'late']);
  });

  it('shows an item only to a role holding every permission it names', async () => {
    const guarded: Contribution<typeof ask>[] = [
      {
        nextActions: () =>
          Promise.resolve([
            action(10, 'open', 'tasks.read'),
            action(20, 'register', 'program.read', 'safeguards.update'),
            action(30, 'everyone'),
          ]),
        firstWeek: () =>
          Promise.resolve([
            { ...step(10, 'officials', 'todo'), for: ['organization.profile.update'] },
          ]),
      },
    ];
    const workforce = { orgId: 'o', holds: (p: Permission) => p === 'tasks.read' };
    expect((await collectNextActions(guarded, workforce)).map((a) => a.id)).toEqual([
      'open',
      'everyone',
    ]);
    expect(await collectFirstWeek(guarded, workforce, [])).toEqual([]);
    const editor = { orgId: 'o', holds: (p: Permission) => p !== 'organization.profile.update' };
    expect((await collectNextActions(guarded, editor)).map((a) => a.id)).toEqual([
      'open',
      'register',
      'everyone',
    ]);
  });

  it("hides a coming step as soon as a feature declares the step's id", async () => {
    const coming = [step(40, 'policies', 'coming'), step(60, 'training', 'coming')];
    const steps = await collectFirstWeek(features, ask, coming);
    expect(steps.map((s) => [s.id, s.state])).toEqual([
      ['officials', 'done'],
      ['policies', 'todo'],
      ['training', 'coming'],
    ]);
    expect((await collectFirstWeek([], ask, coming)).map((s) => s.id)).toEqual([
      'policies',
      'training',
    ]);
  });

  it('loads shared figures once per request', async () => {
    let loads = 0;
    const figures = oncePerAsk((request: typeof ask) =>
      Promise.resolve(request.orgId.length + loads++),
    );
    const request = { orgId: 'o', holds: () => true };
    expect(await Promise.all([figures(request), figures(request)])).toEqual([1, 1]);
    expect(await figures({ ...request })).toBe(2);
    expect(loads).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { cli } from '../../test/support/cli';

// The open ransomware breach: 1,200 patients in two States, discovered 2026-03-10.
const ransomware = {
  entityType: 'covered_entity',
  discoveredOn: '2026-03-10',
  breachOccurredOn: '2026-03-02',
  affectedTotal: 1_200,
  affectedByState: { NV: 500, CA: 700 },
  unsecuredPhi: true,
  exclusionClaimed: null,
  lowProbabilityDemonstrated: false,
  lawEnforcementDelayUntil: null,
};

const deadlines = (input: unknown) =>
  cli(['breach', 'deadlines'], {}, typeof input === 'string' ? input : JSON.stringify(input));

describe('custos breach deadlines', () => {
  it('prints the deadlines as one JSON object, fields and States in order', async () => {
    const run = await deadlines(ransomware);
    expect(run.result).toBe(0);
    expect(run.err).toEqual([]);
    const printed = run.out.join('\n');
    expect(JSON.parse(printed)).toEqual({
      isBreach: true,
      individualNoticeBy: '2026-05-09',
      mediaNoticeRequiredStates: ['CA'],
      mediaNoticeBy: '2026-05-09',
      hhsNotice: 'within_60_days',
      hhsNoticeBy: '2026-05-09',
      businessAssociateNoticeToCoveredEntityBy: null,
    });
    expect(Object.keys(JSON.parse(printed) as object)).toEqual([
      'isBreach',
      'individualNoticeBy',
      'mediaNoticeRequiredStates',
      'mediaNoticeBy',
      'hhsNotice',
      'hhsNoticeBy',
      'businessAssociateNoticeToCoveredEntityBy',
    ]);
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const run = await deadlines(`\uFEFF${JSON.stringify(ransomware)}`);
    expect([run.result, run.err]).toEqual([0, []]);
    expect(JSON.parse(run.out.join('\n'))).toMatchObject({ individualNoticeBy: '2026-05-09' });
  });

  it('prints a business associate’s one deadline, the yearly log, and nothing due for a non-breach', async () => {
    const associate = await deadlines({ ...ransomware, entityType: 'business_associate' });
    expect(JSON.parse(associate.out.join('\n'))).toMatchObject({
      isBreach: true,
      individualNoticeBy: null,
      hhsNotice: null,
      businessAssociateNoticeToCoveredEntityBy: '2026-05-09',
    });
    const fax = await deadlines({ ...ransomware, affectedTotal: 12, affectedByState: { CA: 12 } });
    expect(JSON.parse(fax.out.join('\n'))).toMatchObject({
      hhsNotice: 'annual',
      hhsNoticeBy: '2027-03-01',
    });
    const laptop = await deadlines({ ...ransomware, unsecuredPhi: false });
    expect(laptop.result).toBe(0);
    expect(JSON.parse(laptop.out.join('\n'))).toMatchObject({
      isBreach: false,
      individualNoticeBy: null,
      mediaNoticeRequiredStates: [],
    });
  });

  it('takes the optional oral statement date into account', async () => {
    const run = await deadlines({
      ...ransomware,
      lawEnforcementDelayUntil: '2026-07-31',
      lawEnforcementOralStatementOn: '2026-04-20',
    });
    expect(JSON.parse(run.out.join('\n'))).toMatchObject({ individualNoticeBy: '2026-05-20' });
  });

  const withoutDiscovery = Object.fromEntries(
    Object.entries(ransomware).filter(([key]) => key !== 'discoveredOn'),
  );
  it.each([
    ['a missing field', withoutDiscovery, 'custos: discoveredOn is required'],
    [
      'a malformed date',
      { ...ransomware, discoveredOn: '10/03/2026' },
      'custos: discoveredOn must be a date (YYYY-MM-DD)',
    ],
    [
      'a count that is not a whole number',
      { ...ransomware, affectedTotal: 'many' },
      'custos: affectedTotal must be a whole number from 0 to 1,000,000,000',
    ],
    [
      'an unknown State code',
      { ...ransomware, affectedByState: { CA: 700, XX: 1 } },
      'custos: affectedByState.XX is not the two-letter USPS code of a State, DC or territory (such as "CA")',
    ],
    [
      'State counts above the total',
      { ...ransomware, affectedTotal: 1_000 },
      'custos: affectedByState counts add up to 1200, more than affectedTotal (1000)',
    ],
    ['an unknown field', { ...ransomware, extra: true }, 'custos: extra is not a known field'],
    ['JSON that is not an object', '[1, 2]', 'custos: standard input must be one JSON object'],
    [
      'text that is not JSON',
      '{ entityType: covered',
      'custos: standard input is not JSON: pipe one JSON object in',
    ],
    [
      'nothing at all',
      '',
      'custos: standard input is empty: pipe one JSON object in (custos breach deadlines < facts.json)',
    ],
  ])('exits 1 with one line for %s', async (_case, input, line) => {
    const run = await deadlines(input);
    expect(run.result).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual([line]);
  });

  it('refuses input larger than 64 KiB before parsing it', async () => {
    const run = await deadlines(`{"pad":"${'x'.repeat(64 * 1024)}"}`);
    expect(run.result).toBe(1);
    expect(run.err).toEqual(['custos: standard input is larger than 64 KiB']);
  });

  it('explains itself with --help', async () => {
    const run = await cli(['breach', 'deadlines', '--help'], {});
    expect(run.result).toBe(0);
    expect(run.out.join('\n')).toMatch(/^Usage: custos breach deadlines/);
    expect(run.out.join('\n')).toMatch(/standard input/);
  });
});

import { describe, expect, it } from 'vitest';
import { spawnNode } from '../../test/support/cli';

// The real process: standard input, standard output, exit code and the one error line.
const entry = ['--import', 'tsx', 'src/cli/main.ts', 'breach', 'deadlines'];

const lateInTheYear = JSON.stringify({
  entityType: 'covered_entity',
  discoveredOn: '2027-12-31',
  breachOccurredOn: '2027-12-24',
  affectedTotal: 12,
  affectedByState: { CA: 12 },
  unsecuredPhi: true,
  exclusionClaimed: null,
  lowProbabilityDemonstrated: false,
  lawEnforcementDelayUntil: null,
});

describe('custos breach deadlines, the binary', () => {
  // Each run loads the whole CLI through tsx: seconds of CPU, more on a busy machine.
  const SPAWN_TIMEOUT = 60_000;

  // UTC+14 and UTC-11: a date computed in local time would move by a day in one of them.
  it(
    'reads JSON on stdin and prints the same dates in any time zone',
    async () => {
      const runs = await Promise.all(
        ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].map(
          (zone) => spawnNode(entry, { TZ: zone }, lateInTheYear).exit,
        ),
      );
      for (const run of runs) {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual({
          isBreach: true,
          individualNoticeBy: '2028-02-29',
          mediaNoticeRequiredStates: [],
          mediaNoticeBy: null,
          hhsNotice: 'annual',
          hhsNoticeBy: '2028-02-29',
          businessAssociateNoticeToCoveredEntityBy: null,
        });
      }
    },
    SPAWN_TIMEOUT,
  );

  it(
    'exits 1 with one stderr line naming the field, and prints nothing on stdout',
    async () => {
      const bad = lateInTheYear.replace('"2027-12-24"', '"2028-01-02"');
      const run = await spawnNode(entry, {}, bad).exit;
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('custos: breachOccurredOn must be on or before discoveredOn\n');
    },
    SPAWN_TIMEOUT,
  );
});

import type { BreachDeadlines, BreachDeadlinesInput } from '../../../contracts/breach-deadlines';
import {
  isCounted,
  type NoticeDuty,
  type NoticeProgress,
} from '../../../contracts/breach-notice-schemas';
import { countOf } from '../../../contracts/words';
import { stateName } from './breach-tasks';
import type { BreachNoticesTable } from './tables';

// Where each deadline stands once notices are recorded: pure, from the notices and the engine.

type Notice = Pick<BreachNoticesTable, 'kind' | 'sent_on' | 'state' | 'people'>;

const firstSent = (notices: readonly Notice[]) => notices.map((n) => n.sent_on).sort()[0] ?? null;

export function progressOf(
  notices: readonly Notice[],
  input: BreachDeadlinesInput,
  deadlines: BreachDeadlines,
): NoticeProgress {
  const counted = notices.filter((n) => isCounted(n.kind));
  const reached = counted.reduce((sum, n) => sum + (n.people ?? 0), 0);
  const media: Record<string, string | null> = {};
  for (const state of deadlines.mediaNoticeRequiredStates) {
    media[state] = firstSent(notices.filter((n) => n.kind === 'media' && n.state === state));
  }
  return {
    individuals: {
      affected: input.affectedTotal,
      reached,
      remaining: Math.max(0, input.affectedTotal - reached),
      lastSentOn:
        counted
          .map((n) => n.sent_on)
          .sort()
          .at(-1) ?? null,
    },
    media,
    hhs: firstSent(notices.filter((n) => n.kind === 'hhs')),
    coveredEntity: firstSent(notices.filter((n) => n.kind === 'covered_entity')),
  };
}

/** Whether the notices meet a duty, and why (or why not) in words. */
export function dutyState(
  duty: NoticeDuty,
  progress: NoticeProgress,
): { met: boolean; why: string } {
  switch (duty) {
    case 'individuals': {
      const { affected, reached, remaining } = progress.individuals;
      return remaining === 0
        ? { met: true, why: `${countOf(reached, 'person', 'people')} notified of ${affected}.` }
        : {
            met: false,
            why: `${countOf(remaining, 'person', 'people')} of ${affected} still to notify.`,
          };
    }
    case 'media': {
      const left = Object.entries(progress.media).filter(([, sent]) => sent === null);
      return left.length === 0
        ? { met: true, why: 'the media notified in every State that needs it.' }
        : {
            met: false,
            why: `the media in ${left.map(([s]) => stateName(s)).join(', ')} still to notify.`,
          };
    }
    case 'hhs':
      return progress.hhs
        ? { met: true, why: 'HHS notified.' }
        : { met: false, why: 'HHS not notified yet.' };
    case 'covered_entity':
      return progress.coveredEntity
        ? { met: true, why: 'the covered entity notified.' }
        : { met: false, why: 'the covered entity not notified yet.' };
  }
}

/** The duties the notices already meet. */
export function metDuties(progress: NoticeProgress | null): Set<NoticeDuty> {
  if (!progress) return new Set();
  const duties: NoticeDuty[] = ['individuals', 'media', 'hhs', 'covered_entity'];
  return new Set(duties.filter((d) => dutyState(d, progress).met));
}

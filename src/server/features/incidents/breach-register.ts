import { computeBreachDeadlines, type BreachDeadlines } from '../../../contracts/breach-deadlines';
import type { BreachLogEntry } from '../../../contracts/incidents-breach-log';
import type { Db } from '../../platform/db/types';
import { judge, stepsOf } from './breach-presenter';
import { listApprovedBreaches } from './breach-repository';
import { reference } from './presenter';

/** An incident whose newest approved determination found a breach, with the engine's deadlines. */
export interface ApprovedBreach {
  readonly incidentId: string;
  readonly reference: string;
  readonly title: string;
  /** Whether its incident is closed: its notices are then behind it. */
  readonly closed: boolean;
  readonly deadlines: BreachDeadlines;
  /** The calendar year of discovery: the year of the log it belongs to (164.408(c)). */
  readonly yearOfDiscovery: number;
  /** Its line on the yearly log when fewer than 500 people are affected, else null. */
  readonly logEntry: BreachLogEntry | null;
}

/**
 * Every breach the organization determined, oldest discovery first. The deadlines come from
 * `computeBreachDeadlines` only (contracts/breach-deadlines.ts).
 */
export async function approvedBreaches(db: Db, orgId: string): Promise<ApprovedBreach[]> {
  const rows = await listApprovedBreaches(db, orgId);
  return rows.flatMap((row) => {
    const steps = stepsOf(row);
    const { engineInput } = judge(row, steps);
    if (!engineInput || !steps.facts) return [];
    const deadlines = computeBreachDeadlines(engineInput);
    if (!deadlines.isBreach) return [];
    const ref = reference(row);
    // 164.408(c): fewer than 500 affected go on the log of their calendar year of discovery.
    const onLog = deadlines.hhsNotice === 'annual' && deadlines.hhsNoticeBy !== null;
    return [
      {
        incidentId: row.incident_id,
        reference: ref,
        title: row.title,
        closed: row.incident_status === 'closed' || row.incident_status === 'not_an_incident',
        deadlines,
        yearOfDiscovery: Number(row.discovered_on.slice(0, 4)),
        logEntry: onLog
          ? {
              incidentId: row.incident_id,
              reference: ref,
              title: row.title,
              breachOccurredOn: steps.facts.breachOccurredOn,
              discoveredOn: row.discovered_on,
              affected: steps.facts.affectedTotal,
              // Until the HHS portal's own facts are recorded, the four-factor assessment says
              // what PHI was involved and what was done to mitigate (164.402(2)(i), (iv)).
              phiKinds: steps.factors?.nature.rationale ?? '',
              actionsTaken: steps.factors?.mitigation.rationale ?? '',
              noticeBy: deadlines.hhsNoticeBy ?? row.discovered_on,
            }
          : null,
      },
    ];
  });
}

/** The years of discovery with breaches on the log, each with its entries and earliest deadline. */
export function logYears(breaches: readonly ApprovedBreach[]) {
  const years = new Map<number, { entries: BreachLogEntry[]; deadline: string }>();
  for (const b of breaches) {
    if (!b.logEntry) continue;
    const year = years.get(b.yearOfDiscovery);
    if (!year) {
      years.set(b.yearOfDiscovery, { entries: [b.logEntry], deadline: b.logEntry.noticeBy });
    } else {
      year.entries.push(b.logEntry);
      if (b.logEntry.noticeBy < year.deadline) year.deadline = b.logEntry.noticeBy;
    }
  }
  return years;
}

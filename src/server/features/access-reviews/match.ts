import type { AccessMatch } from '../../../contracts/access-reviews';

/** A person of the roster as an account is matched against them. */
export interface RosterIdentity {
  id: string;
  reference: string;
  name: string;
  emailKey: string | null;
  employeeId: string | null;
  endDate: string | null;
}

export interface Match {
  person: RosterIdentity | null;
  matchedBy: AccessMatch | null;
  /** The matched person's end date is before the review period starts. */
  leftBeforePeriod: boolean;
}

type Index = Map<string, RosterIdentity[]>;

function indexBy(roster: readonly RosterIdentity[], key: (p: RosterIdentity) => string | null) {
  const index: Index = new Map();
  for (const person of roster) {
    const k = key(person);
    if (k === null || k === '') continue;
    const list = index.get(k);
    if (list) list.push(person);
    else index.set(k, [person]);
  }
  return index;
}

/** Exactly one person under one of `keys`; several (a shared name) is no match by that key. */
function onlyOne(index: Index, keys: readonly string[]): RosterIdentity | null {
  for (const key of keys) {
    const found = key === '' ? undefined : index.get(key);
    if (found?.length === 1) return found[0] ?? null;
  }
  return null;
}

/**
 * Matches the accounts of a system's export to the roster (164.308(a)(4)(ii)(C): reviewing a
 * user's right of access needs to know whose account it is): by email (the person column, then the
 * account name), then by employee ID, then by exact name; the first that names exactly one person
 * wins, and the item says which. A person whose end date is before the period start is flagged.
 */
export function accountMatcher(roster: readonly RosterIdentity[], periodStart: string) {
  const byEmail = indexBy(roster, (p) => p.emailKey);
  const byEmployeeId = indexBy(roster, (p) => p.employeeId);
  const byName = indexBy(roster, (p) => p.name.normalize('NFC'));
  return (account: string, personText: string): Match => {
    const person = personText.trim();
    const login = account.trim();
    const tries: [AccessMatch, () => RosterIdentity | null][] = [
      ['email', () => onlyOne(byEmail, [person.toLowerCase(), login.toLowerCase()])],
      ['employee_id', () => onlyOne(byEmployeeId, [person, login])],
      ['name', () => onlyOne(byName, [person.normalize('NFC')])],
    ];
    for (const [matchedBy, find] of tries) {
      const found = find();
      if (found) {
        return {
          person: found,
          matchedBy,
          leftBeforePeriod: found.endDate !== null && found.endDate < periodStart,
        };
      }
    }
    return { person: null, matchedBy: null, leftBeforePeriod: false };
  };
}

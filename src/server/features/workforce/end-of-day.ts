/** The offset of `timeZone` from UTC at `at`, in milliseconds (positive east of Greenwich). */
function offsetAt(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return local - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a calendar day ends in a time zone: midnight at the start of the next local day
 * (design.md §6.7: dates are the organization's). Correct across daylight-saving changes.
 */
export function endOfDayIn(timeZone: string, date: string): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const midnightAsUtc = Date.UTC(year, month - 1, day + 1);
  let at = midnightAsUtc - offsetAt(timeZone, midnightAsUtc);
  // Once more with the offset at the found instant (a change of offset around that midnight).
  at = midnightAsUtc - offsetAt(timeZone, at);
  return new Date(at);
}

import { useMemo } from 'react';
import { useMemberOptions } from './useMemberOptions';

/** The organization's people by user id, to name them where a record holds their id. */
export function usePeopleNames(): ReadonlyMap<string, string> {
  const options = useMemberOptions();
  return useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
}

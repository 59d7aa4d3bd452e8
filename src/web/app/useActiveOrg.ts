import { activeMembership, useMe } from './session';

/** The organization the user works in now (the shell is only shown to signed-in users). */
export function useActiveOrg() {
  return activeMembership(useMe().data);
}

import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useMatches } from 'react-router';
import { isPermission, type Permission } from '../../contracts/permissions';
import { PageHeader } from '../components/PageHeader';
import { roleLabel } from './HeaderMenus';
import { activeMembership, mayUse, useMe } from './session';

/** The permission a page declares in its route's `handle` (see `needs` in web-feature.ts). */
function permissionOf(handle: unknown): Permission | undefined {
  if (typeof handle !== 'object' || handle === null || !('permission' in handle)) {
    return undefined;
  }
  const { permission } = handle;
  return typeof permission === 'string' && isPermission(permission) ? permission : undefined;
}

/**
 * Shows a page only to members whose role may open it; anyone else reads plainly that the page
 * is not open to their role, with no request made that the server would refuse (403) and no
 * "try again" that could not help. The server still checks every request.
 */
export function PermissionGate({ children }: { children: ReactNode }) {
  const me = useMe().data;
  const needed = useMatches()
    .map((m) => permissionOf(m.handle))
    .filter((p) => p !== undefined);
  if (!me || needed.every((p) => mayUse(me, p))) {
    return children;
  }
  const membership = activeMembership(me);
  return (
    <>
      <PageHeader title="Not open to your role" />
      <Text size="sm" maw={640}>
        {membership
          ? `As ${withArticle(roleLabel(membership.role).toLowerCase())} in ${membership.orgName}, you cannot open this page. `
          : 'You cannot open this page. '}
        An owner or administrator can change your role if your work needs it.{' '}
        <Anchor component={Link} to="/" underline="always">
          Back to the dashboard
        </Anchor>
        .
      </Text>
    </>
  );
}

/** "a workforce member", "an auditor". */
const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { authApi } from '../api/auth';
import { useApiQuery } from '../api/hooks';
import { AccessEndedPage } from './AccessEndedPage';
import { PageLoading } from './PageLoading';
import { ErrorNotice } from '../components/ErrorNotice';
import { useMe } from './session';

/** Shows its children to signed-in users; sends others to first-run setup or to sign-in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const setup = useApiQuery(authApi.setupState, [], { enabled: me.data === null });
  if (me.isError) {
    return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data) {
    // A leaver (164.308(a)(3)(ii)(C)): a page that says so, not an empty shell.
    if (me.data.memberships.length === 0 && me.data.endedAccess.length > 0) {
      return <AccessEndedPage me={me.data} />;
    }
    return <>{children}</>;
  }
  if (me.data === null && setup.data) {
    if (setup.data.needed) {
      return <Navigate to="/setup" replace />;
    }
    const next = location.pathname + location.search;
    return (
      <Navigate
        to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`}
        replace
      />
    );
  }
  return <PageLoading />;
}

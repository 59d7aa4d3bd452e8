import { createBrowserRouter } from 'react-router';
import { WEB_FEATURES } from './features';
import { PageLoading } from './PageLoading';
import { RequireSession } from './RequireSession';
import { RouteError } from './RouteError';
import { Shell } from './Shell';
import { routesOf } from './web-feature';

const { pages, fullPages } = routesOf(WEB_FEATURES);

// Every page is its own chunk: a route loads its code when first visited. The features declare
// their pages in their manifests (features/<feature>/index.tsx). While the first page's code
// loads, the router shows its HydrateFallback (without one, React Router warns on every load).
export const router = createBrowserRouter([
  ...fullPages.map((page) => ({
    ...page,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
  })),
  {
    hydrateFallbackElement: <PageLoading />,
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      ...pages,
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./NotFoundPage')).NotFoundPage }),
      },
    ],
  },
]);

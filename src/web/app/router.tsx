import { createBrowserRouter } from 'react-router';
import { RouteError } from './RouteError';
import { Shell } from './Shell';

// Every page is its own chunk: a route loads its code when first visited.
export const router = createBrowserRouter([
  {
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/overview/OverviewPage')).OverviewPage,
        }),
      },
      {
        path: 'admin/status',
        lazy: async () => ({
          Component: (await import('../features/system/StatusPage')).StatusPage,
        }),
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./NotFoundPage')).NotFoundPage }),
      },
    ],
  },
]);

import { createBrowserRouter } from 'react-router';
import { RequireSession } from './RequireSession';
import { RouteError } from './RouteError';
import { Shell } from './Shell';

// Every page is its own chunk: a route loads its code when first visited.
export const router = createBrowserRouter([
  {
    path: 'setup',
    errorElement: <RouteError />,
    lazy: async () => ({ Component: (await import('../features/auth/SetupPage')).SetupPage }),
  },
  {
    path: 'invitations',
    errorElement: <RouteError />,
    lazy: async () => ({
      Component: (await import('../features/auth/InvitationPage')).InvitationPage,
    }),
  },
  {
    path: 'reset-password',
    errorElement: <RouteError />,
    lazy: async () => ({
      Component: (await import('../features/auth/ResetPasswordPage')).ResetPasswordPage,
    }),
  },
  {
    path: 'sign-in',
    errorElement: <RouteError />,
    lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }),
  },
  {
    path: 'safeguards/print',
    errorElement: <RouteError />,
    lazy: async () => {
      const { PrintRegisterPage } = await import('../features/safeguards/PrintRegisterPage');
      return {
        Component: () => (
          <RequireSession>
            <PrintRegisterPage />
          </RequireSession>
        ),
      };
    },
  },
  {
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/dashboard/DashboardPage')).DashboardPage,
        }),
      },
      {
        path: 'safeguards',
        lazy: async () => ({
          Component: (await import('../features/safeguards/SafeguardsPage')).SafeguardsPage,
        }),
      },
      {
        path: 'safeguards/:requirementId',
        lazy: async () => ({
          Component: (await import('../features/safeguards/SafeguardDetailPage'))
            .SafeguardDetailPage,
        }),
      },
      {
        path: 'tasks',
        lazy: async () => ({
          Component: (await import('../features/tasks/TasksPage')).TasksPage,
        }),
      },
      {
        path: 'assets',
        lazy: async () => ({
          Component: (await import('../features/assets/AssetsPage')).AssetsPage,
        }),
      },
      {
        path: 'risks',
        lazy: async () => ({
          Component: (await import('../features/risks/RisksPage')).RisksPage,
        }),
      },
      {
        path: 'risk-assessments',
        lazy: async () => ({
          Component: (await import('../features/risk-assessments/AssessmentsPage')).AssessmentsPage,
        }),
      },
      {
        path: 'risk-assessments/:assessmentId',
        lazy: async () => ({
          Component: (await import('../features/risk-assessments/AssessmentPage')).AssessmentPage,
        }),
      },
      {
        path: 'catalog',
        lazy: async () => ({
          Component: (await import('../features/catalog/CatalogPage')).CatalogPage,
        }),
      },
      {
        path: 'readiness',
        lazy: async () => ({
          Component: (await import('../features/safeguards/ReadinessPage')).ReadinessPage,
        }),
      },
      {
        path: 'settings/organization',
        lazy: async () => ({
          Component: (await import('../features/organizations/OrganizationProfilePage'))
            .OrganizationProfilePage,
        }),
      },
      {
        path: 'admin/status',
        lazy: async () => ({
          Component: (await import('../features/system/StatusPage')).StatusPage,
        }),
      },
      {
        path: 'profile',
        lazy: async () => ({
          Component: (await import('../features/auth/profile/ProfilePage')).ProfilePage,
        }),
      },
      {
        path: 'admin/audit-log',
        lazy: async () => ({
          Component: (await import('../features/audit-log/AuditLogPage')).AuditLogPage,
        }),
      },
      {
        path: 'admin/members',
        lazy: async () => ({
          Component: (await import('../features/organizations/MembersPage')).MembersPage,
        }),
      },
      {
        path: 'admin/outbox',
        lazy: async () => ({
          Component: (await import('../features/organizations/OutboxPage')).OutboxPage,
        }),
      },
      {
        path: 'admin/security',
        lazy: async () => ({
          Component: (await import('../features/organizations/SecuritySettingsPage'))
            .SecuritySettingsPage,
        }),
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./NotFoundPage')).NotFoundPage }),
      },
    ],
  },
]);

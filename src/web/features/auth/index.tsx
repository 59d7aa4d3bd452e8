import type { WebFeature } from '../../app/web-feature';

/** The web manifest of auth (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'auth',
  pages: [
    {
      path: 'profile',
      lazy: async () => ({ Component: (await import('./profile/ProfilePage')).ProfilePage }),
    },
  ],
  fullPages: [
    {
      path: 'setup',
      lazy: async () => ({ Component: (await import('./SetupPage')).SetupPage }),
    },
    {
      path: 'invitations',
      lazy: async () => ({ Component: (await import('./InvitationPage')).InvitationPage }),
    },
    {
      path: 'reset-password',
      lazy: async () => ({ Component: (await import('./ResetPasswordPage')).ResetPasswordPage }),
    },
    {
      path: 'sign-in',
      lazy: async () => ({ Component: (await import('./SignInPage')).SignInPage }),
    },
  ],
};

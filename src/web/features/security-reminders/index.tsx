import { IconBellRinging, IconSpeakerphone } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of security reminders (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'security-reminders',
  pages: [
    // Gated like its navigation entry: other roles read "Not open to your role".
    needs('security_reminders.read', {
      path: 'security-reminders',
      lazy: async () => ({
        Component: (await import('./SecurityRemindersPage')).SecurityRemindersPage,
      }),
    }),
    needs('my_security_reminders.read', {
      path: 'my-reminders',
      lazy: async () => ({ Component: (await import('./MyRemindersPage')).MyRemindersPage }),
    }),
  ],
  navigation: [
    {
      group: 'Workforce',
      order: 18,
      label: 'Security reminders',
      path: '/security-reminders',
      icon: IconSpeakerphone,
      summary: 'Periodic security reminders to the workforce, and the log of what was sent',
      permission: 'security_reminders.read',
    },
    {
      group: 'Program',
      order: 27,
      label: 'My reminders',
      path: '/my-reminders',
      icon: IconBellRinging,
      summary: 'The security reminders your organization sent you',
      permission: 'my_security_reminders.read',
    },
  ],
};

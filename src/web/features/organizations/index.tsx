import { IconBuilding, IconLock, IconMail, IconUsersGroup } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of organizations (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'organizations',
  pages: [
    needs('members.read', {
      path: 'settings/organization',
      lazy: async () => ({
        Component: (await import('./OrganizationProfilePage')).OrganizationProfilePage,
      }),
    }),
    needs('members.read', {
      path: 'admin/members',
      lazy: async () => ({ Component: (await import('./MembersPage')).MembersPage }),
    }),
    needs('outbox.read', {
      path: 'admin/outbox',
      lazy: async () => ({ Component: (await import('./OutboxPage')).OutboxPage }),
    }),
    needs('organization.settings.update', {
      path: 'admin/security',
      lazy: async () => ({
        Component: (await import('./SecuritySettingsPage')).SecuritySettingsPage,
      }),
    }),
  ],
  navigation: [
    {
      group: 'Administration',
      order: 10,
      label: 'Organization profile',
      path: '/settings/organization',
      icon: IconBuilding,
      summary: 'Entity type, locations and the designated officials',
      // For those who run or audit the program (the staff who read the member list): a workforce
      // member has nothing to do with the entity type or the officials' appointment dates.
      permission: 'members.read',
    },
    {
      group: 'Administration',
      order: 30,
      label: 'Members',
      path: '/admin/members',
      icon: IconUsersGroup,
      summary: 'Who has access, with which role',
      permission: 'members.read',
    },
    {
      group: 'Administration',
      order: 40,
      label: 'Security settings',
      path: '/admin/security',
      icon: IconLock,
      summary: 'Automatic logoff and sign-in rules',
      permission: 'organization.settings.update',
    },
    {
      group: 'Administration',
      order: 50,
      label: 'Outbox',
      path: '/admin/outbox',
      icon: IconMail,
      summary: 'Invitations and notices sent, or waiting without SMTP',
      permission: 'outbox.read',
    },
  ],
};

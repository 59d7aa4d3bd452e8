import { IconChecklist } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/**
 * Onboarding and termination (app/web-feature.ts): the checklists' settings page; the checklists
 * themselves sit on the person's page (`PersonChecklists`).
 */
export const manifest: WebFeature = {
  feature: 'workforce',
  pages: [
    needs('workforce.read', {
      path: 'workforce/checklists',
      lazy: async () => ({
        Component: (await import('./ChecklistSettingsPage')).ChecklistSettingsPage,
      }),
    }),
  ],
  navigation: [
    {
      group: 'Workforce',
      order: 15,
      label: 'Onboarding and termination',
      path: '/workforce/checklists',
      icon: IconChecklist,
      summary: 'Checklists per department and job role, and how soon access ends with employment',
      permission: 'workforce.read',
    },
  ],
};

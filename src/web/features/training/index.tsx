import { IconCertificate, IconSchool } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of security awareness training (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'training',
  pages: [
    needs('training.read', {
      path: 'training',
      lazy: async () => ({ Component: (await import('./TrainingPage')).TrainingPage }),
    }),
    needs('my_training.read', {
      path: 'my-training',
      lazy: async () => ({ Component: (await import('./MyTrainingPage')).MyTrainingPage }),
    }),
    needs('my_training.read', {
      path: 'my-training/:personTrainingId',
      lazy: async () => ({ Component: (await import('./MyCoursePage')).MyCoursePage }),
    }),
  ],
  navigation: [
    {
      group: 'Workforce',
      order: 15,
      label: 'Training',
      path: '/training',
      icon: IconSchool,
      summary: 'Security awareness courses, who must take them, and who has completed them',
      permission: 'training.read',
    },
    {
      group: 'Program',
      order: 26,
      label: 'My training',
      path: '/my-training',
      icon: IconCertificate,
      summary: 'The security awareness courses assigned to you: take them, get your certificates',
      permission: 'my_training.read',
    },
  ],
};

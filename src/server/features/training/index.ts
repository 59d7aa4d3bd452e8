import type { Feature } from '../../platform/feature';
import { loadTrainingModules } from './content';
import { trainingDashboard } from './dashboard';
import { trainingDemo } from './demo';
import { trainingLink } from './link';
import * as createTraining from './migrations/0026_create_training';
import * as indexTrainingRates from './migrations/0039_index_training_rates';
import { trainingReminders } from './reminders';
import { registerTrainingRoutes } from './routes';

/**
 * Security awareness training (164.308(a)(5)): the built-in modules of content/training and
 * external courses, assignments to roles, departments and people, server-scored quizzes,
 * completions with certificates in the evidence vault, completion rates, reminders.
 */
export const feature: Feature = {
  name: 'training',
  tables: [
    'training_courses',
    'training_assignments',
    'training_audience',
    'training_person_assignments',
    'training_attempts',
  ],
  migrations: {
    '0026_create_training': createTraining,
    '0039_index_training_rates': indexTrainingRates,
  },
  routes: registerTrainingRoutes,
  checkContent: () => {
    loadTrainingModules();
  },
  records: {
    assignmentId: 'training_assignments',
    personTrainingId: 'training_person_assignments',
    attemptId: 'training_attempts',
  },
  link: trainingLink,
  dashboard: trainingDashboard,
  jobs: (deps) => [trainingReminders.kind(deps)],
  schedules: [trainingReminders.schedule],
  demo: trainingDemo,
};

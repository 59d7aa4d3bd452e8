import type { Feature } from '../../platform/feature';
import { documentsDashboard } from './dashboard';
import { documentsDemo } from './demo';
import { documentLink } from './link';
import * as createDocuments from './migrations/0018_create_documents';
import { documentReminders } from './reminders';
import { registerDocumentsRoutes } from './routes';
import { loadPolicyTemplates } from './template-library';

/** Policies and procedures (164.316): the manifest the platform assembles the app from. */
export const feature: Feature = {
  name: 'documents',
  tables: ['documents', 'document_versions', 'document_reviews'],
  migrations: { '0018_create_documents': createDocuments },
  routes: registerDocumentsRoutes,
  checkContent: () => {
    loadPolicyTemplates();
  },
  records: {
    documentId: 'documents',
    versionId: 'document_versions',
    templateId: { shared: 'workstation-use-security' },
  },
  link: documentLink,
  dashboard: documentsDashboard,
  jobs: (deps) => [documentReminders.kind(deps)],
  schedules: [documentReminders.schedule],
  demo: documentsDemo,
};

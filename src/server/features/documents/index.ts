import type { Feature } from '../../platform/feature';
import { documentsDemo } from './demo';
import * as createDocuments from './migrations/0018_create_documents';
import { registerDocumentsRoutes } from './routes';

/** Policies: the manifest the platform assembles the app from (platform/feature.ts). */
export const feature: Feature = {
  name: 'documents',
  tables: ['documents'],
  migrations: { '0018_create_documents': createDocuments },
  routes: registerDocumentsRoutes,
  records: { documentId: 'documents' },
  demo: documentsDemo,
};

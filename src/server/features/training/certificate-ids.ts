import type { Db } from '../../platform/db/types';
import { listCertificateEvidenceIds } from './repository';

/** The evidence items that are people's training certificates (other features hide them). */
export const certificateEvidenceIds = (db: Db, orgId: string): Promise<string[]> =>
  listCertificateEvidenceIds(db, orgId);

import type { RetainedRecord } from '../../../contracts/retention';

/** The page that shows a kept record (a policy version opens its policy). */
export function pageOfRetained(record: Pick<RetainedRecord, 'recordType' | 'opensId'>): string {
  switch (record.recordType) {
    case 'document_version':
      return `/documents/${record.opensId}`;
    case 'evidence':
      return `/evidence/${record.opensId}`;
    case 'risk_assessment':
      return `/risk-assessments/${record.opensId}`;
    case 'breach_determination':
    case 'breach_letter':
    case 'breach_notice':
      return `/incidents/${record.opensId}`;
  }
}

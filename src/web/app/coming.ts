import {
  IconActivity,
  IconBuildingHospital,
  IconChecklist,
  IconClipboardCheck,
  IconFileText,
  IconHeartbeat,
  IconReportAnalytics,
} from '@tabler/icons-react';
import type { NavEntry } from './web-feature';

/**
 * Features of the design not built yet, shown as "Soon". A placeholder disappears by itself as soon
 * as a feature's manifest declares a navigation entry with its path.
 */
export const COMING: readonly Omit<NavEntry, 'permission'>[] = [
  {
    group: 'Documentation',
    order: 10,
    label: 'Policies & evidence',
    path: '/documents',
    icon: IconFileText,
    summary: 'Versioned policies, attestations and the evidence vault',
  },
  {
    group: 'Vendors',
    order: 20,
    label: 'Business associates',
    path: '/business-associates',
    icon: IconBuildingHospital,
    summary: 'BAAs and the obligations they carry',
  },
  {
    group: 'Operations',
    order: 10,
    label: 'Incidents',
    path: '/incidents',
    icon: IconHeartbeat,
    summary: 'Incident response and the breach-notification clock',
  },
  {
    group: 'Operations',
    order: 20,
    label: 'Contingency',
    path: '/contingency',
    icon: IconClipboardCheck,
    summary: 'Plans, criticality and restore tests',
  },
  {
    group: 'Operations',
    order: 30,
    label: 'Activity review',
    path: '/activity',
    icon: IconActivity,
    summary: 'EHR audit logs, detection rules and reviews',
  },
  {
    group: 'Operations',
    order: 40,
    label: 'Evaluations',
    path: '/evaluations',
    icon: IconChecklist,
    summary: 'Periodic and change-triggered evaluations',
  },
  {
    group: 'Reports',
    order: 10,
    label: 'Reports',
    path: '/reports',
    icon: IconReportAnalytics,
    summary: 'What an auditor asks for, ready to hand over',
  },
];

import {
  IconAlertTriangle,
  IconBook,
  IconBuilding,
  IconTimeline,
  IconBuildingHospital,
  IconChecklist,
  IconClipboardCheck,
  IconDatabase,
  IconFileText,
  IconHeartbeat,
  IconHistory,
  IconLayoutDashboard,
  IconListCheck,
  IconReportAnalytics,
  IconReportSearch,
  IconServer2,
  IconShieldCheck,
  IconUsers,
  IconActivity,
  IconLock,
  IconMail,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { Permission } from '../../contracts/permissions';

export interface NavItem {
  label: string;
  path: string;
  icon: Icon;
  /** False until the feature ships: shown as coming, never as a link to nowhere. */
  available: boolean;
  /** One line for the overview page. */
  summary: string;
  /** Hidden from members whose role lacks it (the server refuses them anyway). */
  permission?: Permission;
}

export interface NavGroup {
  label: string;
  items: NavItem[];
}

/** The navigation, grouped like the design's features. A feature plugs in by flipping `available`. */
export const NAVIGATION: NavGroup[] = [
  {
    label: 'Program',
    items: [
      {
        label: 'Dashboard',
        path: '/',
        icon: IconLayoutDashboard,
        available: true,
        summary: 'Where the program stands and what to do next',
      },
      {
        label: 'Safeguards',
        path: '/safeguards',
        icon: IconShieldCheck,
        available: true,
        permission: 'program.read',
        summary: 'Every standard and implementation specification, with its decision on record',
      },
      {
        label: 'Tasks',
        path: '/tasks',
        icon: IconListCheck,
        available: true,
        summary: 'Owned, dated work with recurrence',
      },
      {
        label: 'Rule catalog',
        path: '/catalog',
        icon: IconBook,
        available: true,
        summary: 'What each standard and implementation specification asks',
      },
      {
        label: 'Proposed rule',
        path: '/readiness',
        icon: IconTimeline,
        available: true,
        summary: 'Readiness for the 2025 proposed changes (not final)',
        permission: 'program.read',
      },
    ],
  },
  {
    label: 'Risk',
    items: [
      {
        label: 'Assets',
        path: '/assets',
        icon: IconServer2,
        available: true,
        permission: 'assets.read',
        summary: 'Systems, devices and data flows that hold ePHI',
      },
      {
        label: 'Risk register',
        path: '/risks',
        icon: IconAlertTriangle,
        available: true,
        permission: 'risks.read',
        summary: 'Every risk to ePHI, rated and treated, with heat maps',
      },
      {
        label: 'Risk assessments',
        path: '/risk-assessments',
        icon: IconReportSearch,
        available: true,
        permission: 'risks.read',
        summary: 'Draft, review and approve the risk analysis; the PDF report',
      },
    ],
  },
  {
    label: 'Documentation',
    items: [
      {
        label: 'Policies & evidence',
        path: '/documents',
        icon: IconFileText,
        available: false,
        summary: 'Versioned policies, attestations and the evidence vault',
      },
    ],
  },
  {
    label: 'People',
    items: [
      {
        label: 'Workforce',
        path: '/workforce',
        icon: IconUsers,
        available: false,
        summary: 'Training, sanctions and access reviews',
      },
      {
        label: 'Business associates',
        path: '/vendors',
        icon: IconBuildingHospital,
        available: false,
        summary: 'BAAs and the obligations they carry',
      },
    ],
  },
  {
    label: 'Operations',
    items: [
      {
        label: 'Incidents',
        path: '/incidents',
        icon: IconHeartbeat,
        available: false,
        summary: 'Incident response and the breach-notification clock',
      },
      {
        label: 'Contingency',
        path: '/contingency',
        icon: IconClipboardCheck,
        available: false,
        summary: 'Plans, criticality and restore tests',
      },
      {
        label: 'Activity review',
        path: '/activity',
        icon: IconActivity,
        available: false,
        summary: 'EHR audit logs, detection rules and reviews',
      },
      {
        label: 'Evaluations',
        path: '/evaluations',
        icon: IconChecklist,
        available: false,
        summary: 'Periodic and change-triggered evaluations',
      },
    ],
  },
  {
    label: 'Reports',
    items: [
      {
        label: 'Reports',
        path: '/reports',
        icon: IconReportAnalytics,
        available: false,
        summary: 'What an auditor asks for, ready to hand over',
      },
    ],
  },
  {
    label: 'Administration',
    items: [
      {
        label: 'Organization profile',
        path: '/settings/organization',
        icon: IconBuilding,
        available: true,
        summary: 'Entity type, locations and the designated officials',
      },
      {
        label: 'Audit log',
        path: '/admin/audit-log',
        icon: IconHistory,
        available: true,
        summary: 'The tamper-evident trail of every change',
        permission: 'audit.read',
      },
      {
        label: 'Members',
        path: '/admin/members',
        icon: IconUsersGroup,
        available: true,
        summary: 'Who has access, with which role',
        permission: 'members.read',
      },
      {
        label: 'Security settings',
        path: '/admin/security',
        icon: IconLock,
        available: true,
        summary: 'Automatic logoff and sign-in rules',
        permission: 'organization.settings.update',
      },
      {
        label: 'Outbox',
        path: '/admin/outbox',
        icon: IconMail,
        available: true,
        summary: 'Invitations and notices sent, or waiting without SMTP',
        permission: 'outbox.read',
      },
      {
        label: 'System status',
        path: '/admin/status',
        icon: IconDatabase,
        available: true,
        summary: 'Version, database and migrations',
        permission: 'system.status.read',
      },
    ],
  },
];

import { organizationRoutes } from '../../../contracts/organizations';
import { oncePerAsk, type DashboardContribution } from '../../platform/dashboard';
import { getProfile } from './service/profile';

const profileFor = oncePerAsk((ask) => getProfile(ask.deps, ask.orgId));

// The organization profile page, and designating or describing there.
const PROFILE = [
  organizationRoutes.profile.permission,
  organizationRoutes.updateProfile.permission,
];

/** The officials and the kind of entity: the first things an organization says about itself. */
export const organizationsDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    const profile = await profileFor(ask);
    return [
      ...(profile.securityOfficial
        ? []
        : [
            {
              rank: 10,
              for: PROFILE,
              item: {
                id: 'designate-security-official',
                title: 'Designate a Security Official',
                detail: '164.308(a)(2) requires one named person responsible for security.',
                href: '/settings/organization',
              },
            },
          ]),
      ...(profile.entityType
        ? []
        : [
            {
              rank: 20,
              for: PROFILE,
              item: {
                id: 'describe-organization',
                title: 'Say what kind of entity you are',
                detail:
                  'Provider, health plan, clearinghouse or business associate decides what applies.',
                href: '/settings/organization',
              },
            },
          ]),
    ];
  },
  firstWeek: async (ask) => {
    const profile = await profileFor(ask);
    return [
      {
        rank: 10,
        for: PROFILE,
        item: {
          id: 'officials',
          title: 'Designate your officials',
          detail: 'Name the Security Official (164.308(a)(2)) and the Privacy Official.',
          state: profile.securityOfficial ? 'done' : 'todo',
          href: '/settings/organization',
        },
      },
    ];
  },
};

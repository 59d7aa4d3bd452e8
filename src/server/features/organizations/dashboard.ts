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
          title: 'Designate your Security Official',
          detail: officialsDetail(profile.securityOfficial, profile.privacyOfficial),
          // Ticked on what the Security Rule requires: 164.308(a)(2), the Security Official.
          state: profile.securityOfficial ? 'done' : 'todo',
          href: '/settings/organization',
        },
      },
    ];
  },
};

/**
 * What the step checks, in words: the Security Official it ticks on, and the Privacy Official
 * (164.530(a)(1), the Privacy Rule) shown as recommended or named, never counted as done.
 */
export function officialsDetail(
  security: { name: string } | null,
  privacy: { name: string } | null,
): string {
  const securityPart = security
    ? `Security Official: ${security.name}.`
    : 'Required: name the Security Official (164.308(a)(2)).';
  const privacyPart = privacy
    ? `Privacy Official: ${privacy.name}.`
    : 'Recommended: name the Privacy Official too (164.530(a)(1), Privacy Rule); not named yet.';
  return `${securityPart} ${privacyPart}`;
}

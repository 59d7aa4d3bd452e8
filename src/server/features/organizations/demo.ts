import { z } from 'zod';
import { demoStep } from '../../platform/demo';
import { addMonths } from '../../platform/time';
import { updateProfile } from './service/profile';

/** The clinic's profile and its Privacy Official. */
const profile = demoStep(10, z.object({ timeZone: z.string() }), async (clinic, data) => {
  await updateProfile(clinic.deps, clinic.context, clinic.orgId, {
    entityType: 'provider',
    includesGroupHealthPlan: false,
    includesClearinghouse: false,
    size: '11-50',
    locations: ['Main clinic, 120 River Street', 'Eastside satellite office'],
    timeZone: data.timeZone,
    privacyOfficial: { userId: clinic.person('tom'), since: addMonths(clinic.today, -30) },
  });
});

/** The Security Official is designated late, on the profile (the first-week step). */
const securityOfficial = demoStep(50, z.object({}), async (clinic) => {
  await updateProfile(clinic.deps, clinic.context, clinic.orgId, {
    securityOfficial: { userId: clinic.person('priya'), since: addMonths(clinic.today, -30) },
  });
});

export const organizationsDemo = [profile, securityOfficial];

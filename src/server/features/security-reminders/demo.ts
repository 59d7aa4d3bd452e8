import { z } from 'zod';
import { demoStep } from '../../platform/demo';
import { addDays } from '../../platform/time';
import { createReminder } from './service';

// The demo clinic's security reminders (issue 15 part 9): a monthly one sent today, so the log
// shows who got it and how, and a quarterly one still to come. Scheduled by the Security Official.
const securityReminders = demoStep(
  90,
  z.unknown(),
  async ({ deps, context, orgId, today, person }) => {
    const as = {
      ...context,
      actor: { type: 'user' as const, id: person('priya'), label: 'Priya Raman' },
    };
    const everyone = [
      'owner',
      'admin',
      'security_officer',
      'privacy_officer',
      'contributor',
      'workforce',
    ] as const;
    await createReminder(deps, as, orgId, {
      title: 'Lock your screen when you step away',
      message:
        'Press Windows+L (or Ctrl+Cmd+Q on a Mac) every time you leave a workstation, even for a minute.',
      linkUrl: 'https://www.hhs.gov/hipaa/for-professionals/security/guidance/index.html',
      schedule: 'monthly',
      startsOn: today,
      roles: [...everyone],
      departmentIds: [],
      personIds: [],
    });
    await createReminder(deps, as, orgId, {
      title: 'Report suspicious emails',
      message:
        'Do not click links in unexpected emails. Use Report a problem in Custos, or call the Security Official.',
      schedule: 'quarterly',
      startsOn: addDays(today, 14),
      roles: [...everyone],
      departmentIds: [],
      personIds: [],
    });
  },
);

export const securityRemindersDemo = [securityReminders];

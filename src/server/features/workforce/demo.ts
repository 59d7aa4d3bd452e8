import { z } from 'zod';
import { demoStep } from '../../platform/demo';
import { personRowIn } from '../people/service';
import { closeTaskIn } from '../tasks/service';
import { endOfDayIn } from './end-of-day';
import { findChecklist, listChecklistItems } from './repository';
import { endEmployment } from './termination';

// The demo's ended nurse (E-1019, who left 40 days ago) went through termination: every item done
// but the last, still open past its deadline, which the dashboard shows. Runs after the Security
// Official (50) and the inventory (40).
const termination = demoStep(
  60,
  z.unknown(),
  async ({ deps, context, orgId, recall, timeZone }) => {
    const personId = recall('person', 'E-1019');
    const person = await personRowIn(deps.database.db, orgId, personId);
    if (!person?.end_date) throw new Error('the demo roster has E-1019 ended');
    // Recorded on the day she left: the deadline fell that many hours after her last day.
    const lastDay = endOfDayIn(timeZone, person.end_date);
    await endEmployment(
      deps,
      context,
      orgId,
      personId,
      { endDate: person.end_date, reason: 'resigned', note: 'Moved out of state.' },
      new Date(lastDay.getTime() - 3_600_000),
    );
    await deps.database.db.transaction().execute(async (trx) => {
      const checklist = await findChecklist(trx, orgId, personId, 'termination');
      if (!checklist) throw new Error('the termination checklist was just made');
      const items = await listChecklistItems(trx, orgId, [checklist.id]);
      for (const item of items.slice(0, -1)) {
        await closeTaskIn(trx, deps, context, orgId, item.task_id, {
          status: 'done',
          note: 'Done on her last day.',
        });
      }
    });
  },
);

export const workforceDemo = [termination];

import { sessionHeaders } from './factories';
import type { Preparation } from './preparations';

// The anonymous routes need a working link: each pass makes one through the API as the clinic's
// Security Official, then calls with its token and no session.
const withLink =
  (body: (token: string) => object): Preparation =>
  async (t, clinic, _contract, clock) => {
    const official = clinic.people.find((p) => p.role === 'security_officer');
    if (!official) throw new Error('the demo clinic has no Security Official');
    const headers = await sessionHeaders(
      t.database.handle.db,
      clock,
      official.userId,
      clinic.orgId,
    );
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${clinic.orgId}/incident-report-link`,
      headers,
    });
    if (res.statusCode !== 200) throw new Error(`could not make a reporting link: ${res.body}`);
    const token = res.json<{ token: string }>().token;
    return { headers: {}, body: body(token) };
  };

export const INCIDENT_PREPARATIONS: Record<string, Preparation> = {
  'POST /api/anonymous-reports/lookup': withLink((token) => ({ token })),
  'POST /api/anonymous-reports': withLink((token) => ({
    token,
    title: 'Door propped open',
    whatHappened: 'Server room, every evening.',
  })),
};

import { describe, expect, it } from 'vitest';
import { api } from '../../api';
import { operationsByRoute, refusalText } from './refusals';

const operations = operationsByRoute(api, new Map([['documents', 'Policies']]));
const actor = { type: 'user' as const, id: 'u1', label: 'sam@riverside.example' };

describe('refusalText', () => {
  it('says who was refused what, on which page, without permission or route codes', () => {
    const text = refusalText(
      {
        actor,
        changes: {
          permission: { after: 'documents.read' },
          route: { after: 'GET /api/orgs/:orgId/documents' },
        },
      },
      operations,
      null,
    );
    expect(text).toContain('sam@riverside.example was refused “');
    expect(text).toContain('on the Policies page');
    expect(text).not.toMatch(/documents\.read|\/api\/|Permission|Route/);
  });

  it('says the reason of a refused approval and the record', () => {
    expect(
      refusalText(
        { actor, changes: { reason: { after: 'only a person may approve a policy' } } },
        operations,
        'Policy',
      ),
    ).toBe('sam@riverside.example was refused: only a person may approve a policy (Policy).');
  });
});

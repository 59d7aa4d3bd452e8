import type { AuditEvent } from '../../../contracts/audit';
import type { RouteContract } from '../../../contracts/route';

/** An operation of the API as a person reads it: what it does and the page of the app it serves. */
export interface OperationWords {
  summary: string;
  page: string | null;
}

/**
 * The operations by "METHOD /path", from the typed client's contracts, each with the navigation
 * label of its feature's first page (its area in the app).
 */
export function operationsByRoute(
  clients: Record<string, Record<string, { contract: RouteContract; feature: string }>>,
  pages: ReadonlyMap<string, string>,
): Map<string, OperationWords> {
  const byRoute = new Map<string, OperationWords>();
  for (const client of Object.values(clients)) {
    for (const call of Object.values(client)) {
      const { method, path, summary } = call.contract;
      byRoute.set(`${method} ${path}`, { summary, page: pages.get(call.feature) ?? null });
    }
  }
  return byRoute;
}

const after = (event: Pick<AuditEvent, 'changes'>, field: string): string | undefined => {
  const value = event.changes?.[field]?.after;
  return typeof value === 'string' ? value : undefined;
};

/**
 * A refused attempt (design.md §6.3) in words: who was refused what, and where. Never the
 * permission or the route's pattern ("Permission: documents.read; Route: GET /api/…").
 */
export function refusalText(
  event: Pick<AuditEvent, 'actor' | 'changes'>,
  operations: ReadonlyMap<string, OperationWords>,
  record: string | null,
): string {
  const who =
    event.actor.label ?? (event.actor.type === 'anonymous' ? 'Someone signed out' : 'A caller');
  const reason = after(event, 'reason');
  if (reason !== undefined) {
    return `${who} was refused: ${reason}${record ? ` (${record})` : ''}.`;
  }
  const route = after(event, 'route');
  const operation = route === undefined ? undefined : operations.get(route);
  if (!operation) {
    return `${who} was refused an action their role does not allow${record ? ` on ${record}` : ''}.`;
  }
  const what = operation.summary.replace(/\.$/, '');
  const where = operation.page ? ` on the ${operation.page} page` : '';
  return `${who} was refused “${what}”${where}: their role does not allow it.`;
}

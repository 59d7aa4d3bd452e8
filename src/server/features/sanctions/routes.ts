import { sanctionsRoutes } from '../../../contracts/sanctions';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import {
  acknowledgeOwnSanction,
  listOwnSanctions,
  recordPaperAcknowledgement,
} from './acknowledgement';
import {
  changeSanction,
  getSanction,
  listSanctionPage,
  recordSanction,
  signOffSanction,
} from './service';
import { getTiers, setTiers } from './tiers';

export function registerSanctionRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, sanctionsRoutes, {
    list: (request) => listSanctionPage(deps, request.params.orgId, request.query.personId),
    create: (request) =>
      recordSanction(deps, auditContextOf(request), request.params.orgId, request.body),
    get: (request) => getSanction(deps, request.params.orgId, request.params.sanctionId),
    update: (request) =>
      changeSanction(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.sanctionId,
        request.body,
      ),
    signOff: (request) =>
      signOffSanction(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.sanctionId,
      ),
    paperAcknowledgement: (request) =>
      recordPaperAcknowledgement(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.sanctionId,
        request.body.signedOn,
      ),
    mine: (request) => listOwnSanctions(deps, auditContextOf(request), request.params.orgId),
    acknowledge: (request) =>
      acknowledgeOwnSanction(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.sanctionId,
      ),
    tiers: (request) => getTiers(deps, request.params.orgId),
    setTiers: (request) =>
      setTiers(deps, auditContextOf(request), request.params.orgId, request.body.tiers),
  });
}

import { workforceRoutes } from '../../../contracts/workforce';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import { personChecklists } from './checklists';
import { clearanceWarnings } from './clearance';
import { startOnboarding } from './onboarding';
import { getSettings, getTemplates, setTemplate, updateSettings } from './templates';
import { endEmployment, undoEndOfEmployment } from './termination';

export function registerWorkforceRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, workforceRoutes, {
    templates: (request) => getTemplates(deps, request.params.orgId),
    setTemplate: (request) =>
      setTemplate(deps, auditContextOf(request), request.params.orgId, request.body),
    settings: (request) => getSettings(deps, request.params.orgId),
    updateSettings: (request) =>
      updateSettings(deps, auditContextOf(request), request.params.orgId, request.body),
    clearanceWarnings: (request) => clearanceWarnings(deps, request.params.orgId),
    checklists: (request) => personChecklists(deps, request.params.orgId, request.params.personId),
    startOnboarding: async (request) => {
      const { orgId, personId } = request.params;
      await startOnboarding(deps, auditContextOf(request), orgId, personId, request.body);
      return personChecklists(deps, orgId, personId);
    },
    endEmployment: async (request) => {
      const { orgId, personId } = request.params;
      await endEmployment(deps, auditContextOf(request), orgId, personId, request.body);
      return personChecklists(deps, orgId, personId);
    },
    undoEnd: async (request) => {
      const { orgId, personId } = request.params;
      await undoEndOfEmployment(deps, auditContextOf(request), orgId, personId);
      return personChecklists(deps, orgId, personId);
    },
  });
}

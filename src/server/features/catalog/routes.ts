import { catalogRoutes } from '../../../contracts/catalog';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import { listProfiles, listRequirements } from './service';

export function registerCatalogRoutes(app: App): void {
  registerRoutes(app, catalogRoutes, {
    requirements: (request) => listRequirements(request.query),
    profiles: () => listProfiles(),
  });
}

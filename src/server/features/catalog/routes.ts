import {
  RequirementListSchema,
  RequirementQuerySchema,
  RuleProfileListSchema,
} from '../../../contracts/catalog';
import type { App } from '../../platform/http/app';
import { catalog, searchRequirements } from './content';

const tags = ['catalog'];

export function registerCatalogRoutes(app: App): void {
  app.get(
    '/api/catalog/requirements',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Standards and implementation specifications of the Security Rule',
        querystring: RequirementQuerySchema,
        response: { 200: RequirementListSchema },
      },
    },
    (request) => {
      const loaded = catalog();
      return {
        version: loaded.version,
        data: searchRequirements(loaded.requirements, request.query),
      };
    },
  );

  app.get(
    '/api/catalog/profiles',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Rule profiles: the rule in force and the proposed rule of 2025',
        response: { 200: RuleProfileListSchema },
      },
    },
    () => ({ data: [...catalog().profiles] }),
  );
}

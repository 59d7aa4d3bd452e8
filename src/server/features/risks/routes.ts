import { z } from 'zod';
import { RiskMatrixSchema, ThreatLibrarySchema } from '../../../contracts/risk';
import type { App } from '../../platform/http/app';
import { riskContent } from './content';

const tags = ['risk library'];

/** The shipped risk matrices and threat/vulnerability library (read-only content). */
export function registerRiskLibraryRoutes(app: App): void {
  app.get(
    '/api/catalog/risk-matrices',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Risk matrices: NIST SP 800-30 5×5 (the default), 4×4 and 3×3',
        response: { 200: z.object({ default: z.string(), data: z.array(RiskMatrixSchema) }) },
      },
    },
    () => {
      const content = riskContent();
      return { default: content.defaultMatrix.id, data: [...content.matrices] };
    },
  );

  app.get(
    '/api/catalog/threats',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary:
          'Threat sources and events, and vulnerabilities with the requirements that address them',
        response: { 200: ThreatLibrarySchema },
      },
    },
    () => riskContent().library,
  );
}

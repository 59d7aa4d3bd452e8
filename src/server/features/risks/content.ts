import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  RiskMatrixSchema,
  ThreatLibrarySchema,
  type RiskMatrix,
  type ThreatLibrary,
} from '../../../contracts/risk-library';
import { packageRoot } from '../../platform/package-info';
import { catalog } from '../catalog/content';

const MatricesFileSchema = z.object({
  version: z.string(),
  default: z.string(),
  matrices: z.array(RiskMatrixSchema),
});

export interface RiskContent {
  matrices: readonly RiskMatrix[];
  defaultMatrix: RiskMatrix;
  library: ThreatLibrary;
}

let cached: RiskContent | undefined;

/** Risk matrices and the threat/vulnerability library from content/risk, validated once. */
export function riskContent(): RiskContent {
  cached ??= loadRiskContent(path.join(packageRoot(), 'content', 'risk'));
  return cached;
}

function parse<T>(file: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `${path.basename(file)}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`,
    );
  }
  return result.data;
}

/** The shipped matrices and the id of the default (GET /api/catalog/risk-matrices). */
export function shippedMatrices() {
  const content = riskContent();
  return { default: content.defaultMatrix.id, data: [...content.matrices] };
}

export function loadRiskContent(folder: string): RiskContent {
  const matrices = parse(path.join(folder, 'matrices.json'), MatricesFileSchema);
  const defaultMatrix = matrices.matrices.find((m) => m.id === matrices.default);
  if (!defaultMatrix) {
    throw new Error(`matrices.json: default names no matrix (${matrices.default})`);
  }
  const library = parse(path.join(folder, 'threat-library.json'), ThreatLibrarySchema);
  const vulnerabilities = new Set(library.vulnerabilities.map((v) => v.id));
  for (const threat of library.threats) {
    const unknown = threat.vulnerabilities.find((id) => !vulnerabilities.has(id));
    if (unknown) {
      throw new Error(
        `threat-library.json: ${threat.id} names an unknown vulnerability ${unknown}`,
      );
    }
  }
  const requirements = catalog().byId;
  for (const vulnerability of library.vulnerabilities) {
    const unknown = vulnerability.requirements.find((id) => !requirements.has(id));
    if (unknown) {
      throw new Error(
        `threat-library.json: ${vulnerability.id} names an unknown requirement ${unknown}`,
      );
    }
  }
  return { matrices: matrices.matrices, defaultMatrix, library };
}

/**
 * The level of risk for a likelihood and an impact, both given as indexes into the matrix's
 * scales (lowest first). SP 800-30 Rev. 1 Table I-2 in the default matrix.
 */
export function levelOf(
  matrix: RiskMatrix,
  likelihood: number,
  impact: number,
): RiskMatrix['levels'][number] & { index: number } {
  const index = matrix.cells[likelihood]?.[impact];
  const level = index === undefined ? undefined : matrix.levels[index];
  if (index === undefined || !level) {
    throw new RangeError(
      `likelihood ${likelihood} and impact ${impact} are outside the ${matrix.likelihood.length}×${matrix.impact.length} matrix`,
    );
  }
  return { ...level, index };
}

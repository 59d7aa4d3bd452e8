import { z } from 'zod';
import { ASSET_KINDS } from './assets';
import { Text, Title } from './common';

// The content risks are rated and named with: matrices, threats and vulnerabilities (the API's
// "risk library"), shipped with Custos and extended per organization.

const Label = z.string().trim().min(1).max(40);
const Color = z.string().regex(/^#[0-9a-f]{6}$/i, { error: 'must be a colour like #2f9e44' });

/**
 * A risk matrix: likelihood × impact → level of risk (NIST SP 800-30 Rev. 1, Appendix I). Data, not
 * code: the size, labels, levels, colours and every cell are configurable per organization and
 * frozen into an assessment when it is approved.
 */
export const RiskMatrixSchema = z
  .object({
    id: z
      .string()
      .max(60)
      .regex(/^[a-z0-9-]+$/),
    name: z.string().trim().min(1).max(120),
    /** Lowest first. */
    likelihood: z.array(Label).min(2).max(7),
    /** Lowest first. */
    impact: z.array(Label).min(2).max(7),
    /** Levels of risk, lowest first, each with its colour. */
    levels: z
      .array(z.object({ label: Label, color: Color }))
      .min(2)
      .max(7),
    /** cells[likelihood][impact] = index into levels. */
    cells: z.array(z.array(z.number().int().min(0))),
  })
  .superRefine((matrix, ctx) => {
    if (matrix.cells.length !== matrix.likelihood.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['cells'],
        message: `must have one row per likelihood (${matrix.likelihood.length})`,
      });
      return;
    }
    matrix.cells.forEach((row, l) => {
      if (row.length !== matrix.impact.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['cells', l],
          message: `must have one cell per impact (${matrix.impact.length})`,
        });
      }
      row.forEach((level, i) => {
        if (level >= matrix.levels.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['cells', l, i],
            message: `names no level (there are ${matrix.levels.length})`,
          });
        }
        // A higher likelihood or impact never lowers the level of risk.
        const left = row[i - 1];
        const below = matrix.cells[l - 1]?.[i];
        if ((left !== undefined && level < left) || (below !== undefined && level < below)) {
          ctx.addIssue({
            code: 'custom',
            path: ['cells', l, i],
            message: 'must not be lower than the cells of lower likelihood or impact',
          });
        }
      });
    });
  });
export type RiskMatrix = z.infer<typeof RiskMatrixSchema>;
/** The shipped matrices and the id of the default. */
export const RiskMatrixListSchema = z.object({
  default: z.string(),
  data: z.array(RiskMatrixSchema),
});

export const THREAT_SOURCE_TYPES = [
  'adversarial',
  'accidental',
  'structural',
  'environmental',
] as const;
export const THREAT_SOURCE_TYPE_LABELS: Record<(typeof THREAT_SOURCE_TYPES)[number], string> = {
  adversarial: 'Adversarial',
  accidental: 'Accidental',
  structural: 'Structural',
  environmental: 'Environmental',
};

/** A catalog citation, e.g. 164.312(a)(2)(iv). */
export const Citation = z
  .string()
  .regex(/^164\.3\d\d(\([a-zA-Z0-9]+\))+$/, { error: 'is not a citation' });

export const ThreatSchema = z.object({
  id: z.string().regex(/^T-[A-Z0-9-]+$/),
  title: z.string(),
  sourceType: z.enum(THREAT_SOURCE_TYPES).describe('NIST SP 800-30 Table D-2 taxonomy'),
  description: z.string(),
  examples: z.array(z.string()).describe('Healthcare examples'),
  /** Vulnerabilities and predisposing conditions this threat usually exploits. */
  vulnerabilities: z.array(z.string()),
  /** Asset kinds the guided assessment proposes it for; absent = every kind. */
  assetKinds: z.array(z.enum(ASSET_KINDS)).optional(),
});
export type Threat = z.infer<typeof ThreatSchema>;

export const VulnerabilitySchema = z.object({
  id: z.string().regex(/^V-[A-Z0-9-]+$/),
  title: z.string(),
  kind: z.enum(['vulnerability', 'predisposing_condition']),
  description: z.string(),
  /** Catalog requirements whose safeguards address it. */
  requirements: z.array(Citation).min(1),
  /** The guided assessment skips it for assets where this protection is "yes" or not applicable. */
  unlessProtected: z.enum(['encryptionAtRest', 'encryptionInTransit', 'mfa', 'backup']).optional(),
});
export type Vulnerability = z.infer<typeof VulnerabilitySchema>;

export const ThreatLibrarySchema = z.object({
  version: z.string(),
  threats: z.array(ThreatSchema),
  vulnerabilities: z.array(VulnerabilitySchema),
});
export type ThreatLibrary = z.infer<typeof ThreatLibrarySchema>;

/** A place on a matrix scale: its index (lowest = 0) and its label. */
export const ScalePoint = z.object({ index: z.number().int(), label: z.string() });
/** A level of risk: index, label and colour. */
export const LevelSchema = ScalePoint.extend({ color: z.string() });
export type Level = z.infer<typeof LevelSchema>;

// ---------- the organization's matrix ----------

export const OrganizationMatrixSchema = z.object({
  matrix: RiskMatrixSchema,
  isDefault: z.boolean(),
  presets: z.array(RiskMatrixSchema).describe('Matrices shipped with Custos'),
});
export const MatrixBodySchema = z.object({ matrix: RiskMatrixSchema });

// ---------- the library, with the organization's own entries ----------

export const LIBRARY_KINDS = ['threat', 'vulnerability'] as const;
export const LIBRARY_KIND_LABELS: Record<(typeof LIBRARY_KINDS)[number], string> = {
  threat: 'Threat',
  vulnerability: 'Vulnerability',
};
export const LibraryItemBodySchema = z.object({
  kind: z.enum(LIBRARY_KINDS),
  title: Title(200),
  description: Text(2000).optional(),
  sourceType: z.enum(THREAT_SOURCE_TYPES).optional().describe('Threats only'),
  requirements: z.array(Citation).max(20).optional().describe('Vulnerabilities: citations'),
  vulnerabilities: z.array(z.string().max(40)).max(20).optional().describe('Threats: keys'),
});
export type LibraryItemBody = z.infer<typeof LibraryItemBodySchema>;
export const OrganizationLibrarySchema = z.object({
  threats: z.array(ThreatSchema.extend({ custom: z.boolean() })),
  vulnerabilities: z.array(VulnerabilitySchema.extend({ custom: z.boolean() })),
});
export type OrganizationLibrary = z.infer<typeof OrganizationLibrarySchema>;

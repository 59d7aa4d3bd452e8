import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  CatalogSchema,
  RuleProfileSchema,
  type Catalog,
  type Requirement,
  type RuleProfile,
} from '../../../contracts/catalog';
import { RECORDS_KEPT } from '../../../contracts/records-kept';
import { packageRoot } from '../../platform/package-info';

/** The regulation catalog, validated and indexed once per process. */
export interface LoadedCatalog extends Catalog {
  byId: ReadonlyMap<string, Requirement>;
  /** Implementation specifications of each standard, in catalog order. */
  childrenOf: ReadonlyMap<string, readonly Requirement[]>;
  profiles: readonly RuleProfile[];
}

const ProfilesFileSchema = z.object({ version: z.string(), profiles: z.array(RuleProfileSchema) });

let cached: LoadedCatalog | undefined;

/** The catalog from content/catalog; throws naming the file and field when the content is wrong. */
export function catalog(): LoadedCatalog {
  cached ??= loadCatalog(path.join(packageRoot(), 'content', 'catalog'));
  return cached;
}

export function loadCatalog(folder: string): LoadedCatalog {
  const read = readJson(path.join(folder, 'security-rule.json'), CatalogSchema);
  const base = { ...read, requirements: read.requirements.map(withFilledGuidance) };
  const { profiles } = readJson(path.join(folder, 'rule-profiles.json'), ProfilesFileSchema);
  const byId = new Map<string, Requirement>();
  const childrenOf = new Map<string, Requirement[]>();
  for (const requirement of base.requirements) {
    if (byId.has(requirement.id)) {
      throw new Error(`Catalog: duplicate requirement ${requirement.id}`);
    }
    byId.set(requirement.id, requirement);
    if (requirement.parent) {
      const siblings = childrenOf.get(requirement.parent) ?? [];
      siblings.push(requirement);
      childrenOf.set(requirement.parent, siblings);
    }
  }
  for (const requirement of base.requirements) {
    if (requirement.parent && byId.get(requirement.parent)?.kind !== 'standard') {
      throw new Error(`Catalog: ${requirement.id} names an unknown standard ${requirement.parent}`);
    }
    const problem = designationProblem(requirement, childrenOf.has(requirement.id));
    if (problem) throw new Error(`Catalog: ${requirement.id} ${problem}`);
  }
  for (const profile of profiles) {
    for (const item of profile.items) {
      const unknown = item.requirements.find((id) => !byId.has(id));
      if (unknown) {
        throw new Error(`Rule profile ${profile.id}/${item.id}: unknown requirement ${unknown}`);
      }
    }
  }
  return { ...base, byId, childrenOf, profiles };
}

/**
 * What is wrong with a requirement's designation, if anything (Appendix A; 164.306(d)): a standard
 * with specifications has none of its own; one without is itself the specification, and required;
 * a specification carries the rule's (required or addressable).
 */
function designationProblem(requirement: Requirement, hasSpecifications: boolean): string | null {
  if (requirement.kind === 'implementation_specification') {
    return requirement.designation ? null : 'needs the designation the rule gives it';
  }
  if (Boolean(requirement.selfSpecified) === hasSpecifications) {
    return hasSpecifications ? 'has specifications: not selfSpecified' : 'must be selfSpecified';
  }
  if (hasSpecifications) {
    return requirement.designation === null ? null : 'has specifications: no designation (null)';
  }
  return requirement.designation === 'required' ? null : 'is its own specification: required';
}

/**
 * Fills the guidance's placeholders: `{recordsKept}`, what the features keep today
 * (contracts/records-kept.ts), so 164.316(b)(1) says no more than is true and grows as features land.
 */
function withFilledGuidance(requirement: Requirement): Requirement {
  const guidance = requirement.guidance.replaceAll('{recordsKept}', RECORDS_KEPT.join('; '));
  const unknown = /\{[^}]*\}/.exec(guidance);
  if (unknown) {
    throw new Error(
      `security-rule.json: ${requirement.id} guidance has no value for ${unknown[0]}`,
    );
  }
  return guidance === requirement.guidance ? requirement : { ...requirement, guidance };
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${path.basename(file)}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`,
    );
  }
  return parsed.data;
}

/** Requirements matching a free-text query and filters, in catalog order. */
export function searchRequirements(
  requirements: readonly Requirement[],
  query: {
    q?: string | undefined;
    safeguard?: string | undefined;
    designation?: string | undefined;
    kind?: string | undefined;
  },
): Requirement[] {
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return requirements.filter((r) => {
    if (query.safeguard && r.safeguard !== query.safeguard) return false;
    if (query.designation && r.designation !== query.designation) return false;
    if (query.kind && r.kind !== query.kind) return false;
    if (words.length === 0) return true;
    const text = [
      r.id,
      ...(r.aliases ?? []),
      r.title,
      r.summary,
      r.guidance,
      ...(r.keyActivities ?? []).map((k) => k.title),
      ...(r.mappings?.nistSp80053r5 ?? []),
      ...(r.mappings?.nistCsf11 ?? []),
    ]
      .join(' ')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

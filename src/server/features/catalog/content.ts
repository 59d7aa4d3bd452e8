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
  const base = readJson(path.join(folder, 'security-rule.json'), CatalogSchema);
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

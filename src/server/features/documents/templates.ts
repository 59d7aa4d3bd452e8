import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SAFEGUARD_CATEGORIES } from '../../../contracts/catalog';
import { packageRoot } from '../../platform/package-info';
import { catalog } from '../catalog/content';

/*
 * The policy template library (content/policies): one Markdown file per template, a strict front
 * matter of six keys, then the body. The format is ours rather than YAML: six known keys need no
 * implicit typing, anchors or multi-line scalars, and a small parser can name the file and line of
 * every mistake (content/policies/README.md).
 */

export const POLICY_TEMPLATE_KINDS = ['policy', 'procedure', 'plan'] as const;

/** What a template may say about the organization: filled from its profile. */
export const TEMPLATE_PLACEHOLDERS = [
  'organizationName',
  'securityOfficial',
  'privacyOfficial',
  'timeZone',
  'effectiveDate',
] as const;
type Placeholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const Citation = z
  .string()
  .regex(/^164\.3\d\d(\([a-zA-Z0-9]+\))+$/, { error: 'is not a citation' });
const OneLine = z
  .string()
  .min(1, { error: 'is empty' })
  .refine((s) => !s.includes('{{'), { error: 'may not hold a placeholder' });

export const PolicyTemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be kebab-case' }),
  title: OneLine.max(120),
  kind: z.enum(POLICY_TEMPLATE_KINDS),
  category: z.enum(SAFEGUARD_CATEGORIES),
  summary: OneLine.max(300).regex(/^[^.]+(\.[^. ][^.]*)*\.$/, { error: 'must be one sentence' }),
  requirements: z
    .array(Citation)
    .min(1, { error: 'names no requirement' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'names a requirement twice' }),
  body: z.string().trim().min(1, { error: 'is empty' }),
});
export type PolicyTemplate = z.infer<typeof PolicyTemplateSchema>;

/** What fillPolicyTemplate needs of the organization (its profile, names of the officials). */
export interface TemplateProfile {
  organizationName: string;
  securityOfficial: string | null;
  privacyOfficial: string | null;
  timeZone: string;
  effectiveDate?: string | null;
}

let cached: readonly PolicyTemplate[] | undefined;

/** The shipped templates, read and validated once; a bad file throws naming it. */
export function loadPolicyTemplates(): readonly PolicyTemplate[] {
  cached ??= loadPolicyTemplatesFrom(
    path.join(packageRoot(), 'content', 'policies'),
    new Set(catalog().requirements.map((r) => r.id)),
  );
  return cached;
}

/** Every `<id>.md` of a folder (README.md aside), in id order, checked against the catalog. */
export function loadPolicyTemplatesFrom(
  folder: string,
  requirementIds: ReadonlySet<string>,
): readonly PolicyTemplate[] {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort();
  const templates = files.map((name) => {
    try {
      return readTemplate(readFileSync(path.join(folder, name), 'utf8'), name, requirementIds);
    } catch (error) {
      throw new Error(
        `content/policies/${name}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
  if (templates.length === 0) {
    throw new Error(`content/policies: no template in ${folder}`);
  }
  return templates;
}

function readTemplate(
  text: string,
  fileName: string,
  requirementIds: ReadonlySet<string>,
): PolicyTemplate {
  const parsed = PolicyTemplateSchema.safeParse(parseTemplateFile(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`);
  }
  const template = parsed.data;
  if (`${template.id}.md` !== fileName) {
    throw new Error(`id ${template.id} must match the file name`);
  }
  const unknown = template.requirements.find((id) => !requirementIds.has(id));
  if (unknown) {
    throw new Error(`requirements: ${unknown} is not in the catalog`);
  }
  placeholdersOf(template.body);
  return template;
}

const FIELDS = ['id', 'title', 'kind', 'category', 'summary', 'requirements'] as const;

/**
 * Splits a template file into its front matter and body. Strict: the file opens with `---`; each
 * of the six keys appears once as `key: value` (`requirements:` then `  - <citation>` lines); a
 * `---` line closes it. Anything else throws naming the line.
 */
export function parseTemplateFile(text: string): Record<string, string | string[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== '---') {
    throw new Error('line 1: must be --- (the front matter opens the file)');
  }
  const result: Record<string, string | string[]> = {};
  let list: string[] | null = null;
  let index = 1;
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const at = `line ${index + 1}:`;
    if (line === '---') {
      break;
    }
    const item = /^ {2}- (\S.*)$/.exec(line);
    if (item?.[1] !== undefined) {
      if (!list) {
        throw new Error(`${at} a list item belongs under requirements:`);
      }
      list.push(item[1].trimEnd());
      continue;
    }
    list = null;
    const entry = /^([a-z]+):(?: (\S.*))?$/.exec(line);
    const key = FIELDS.find((f) => f === entry?.[1]);
    if (!entry || !key) {
      throw new Error(`${at} expected one of ${FIELDS.join(', ')} as "key: value"`);
    }
    if (result[key] !== undefined) {
      throw new Error(`${at} ${key} appears twice`);
    }
    const value = entry[2]?.trimEnd();
    if (key === 'requirements') {
      if (value !== undefined) {
        throw new Error(`${at} requirements is a list: one "  - <citation>" line each`);
      }
      list = [];
      result[key] = list;
    } else {
      if (value === undefined) {
        throw new Error(`${at} ${key} has no value`);
      }
      result[key] = value;
    }
  }
  if (index >= lines.length) {
    throw new Error('the front matter has no closing ---');
  }
  const missing = FIELDS.find((f) => result[f] === undefined);
  if (missing) {
    throw new Error(`the front matter has no ${missing}`);
  }
  result.body = lines
    .slice(index + 1)
    .join('\n')
    .trim();
  return result;
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The placeholders a body uses; throws on an unknown or malformed one. */
export function placeholdersOf(body: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = TEMPLATE_PLACEHOLDERS.find((p) => p === match[1]);
    if (!name) {
      throw new Error(
        `unknown placeholder ${match[0]} (known: ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')})`,
      );
    }
    found.push(name);
  }
  const stray = /\{\{|\}\}/.exec(body.replace(PLACEHOLDER, ''));
  if (stray) {
    throw new Error(`malformed placeholder near "${body.slice(stray.index, stray.index + 20)}"`);
  }
  return found;
}

/**
 * The template's body with the organization's values in place. Values are plain text: Markdown's
 * punctuation in them is escaped, so a name like `*Acme* <script>` reads as written. An official
 * not yet designated, or a date not yet chosen, becomes a `[choose: …]` mark for the editor.
 */
export function fillPolicyTemplate(template: PolicyTemplate, profile: TemplateProfile): string {
  const values: Record<Placeholder, string> = {
    organizationName: escapeMarkdownText(profile.organizationName),
    securityOfficial: profile.securityOfficial
      ? escapeMarkdownText(profile.securityOfficial)
      : '[choose: the Security Official, not yet designated in the organization profile]',
    privacyOfficial: profile.privacyOfficial
      ? escapeMarkdownText(profile.privacyOfficial)
      : '[choose: the Privacy Official, not yet designated in the organization profile]',
    timeZone: escapeMarkdownText(profile.timeZone),
    effectiveDate: profile.effectiveDate
      ? escapeMarkdownText(profile.effectiveDate)
      : '[choose: effective date]',
  };
  return template.body.replace(PLACEHOLDER, (whole, name: string) => {
    const key = TEMPLATE_PLACEHOLDERS.find((p) => p === name);
    if (!key) {
      throw new Error(`unknown placeholder ${whole}`);
    }
    return values[key];
  });
}

const CHOICE = /\[choose:([^[\]]*)\]/g;

/**
 * The choices a body leaves to the practice (`[choose: …]`, possibly wrapped over lines), each as
 * one line of text: what an editor shows as still to decide before approval.
 */
export function choicesIn(body: string): string[] {
  return [...body.matchAll(CHOICE)].map((m) => (m[1] ?? '').replace(/\s+/g, ' ').trim());
}

/** The body with each choice made as its first suggestion (what the demo clinic chose). */
export function withFirstChoices(body: string): string {
  return body.replace(CHOICE, (_mark, inner: string) =>
    (inner.split(' / ')[0] ?? '').replace(/\s+/g, ' ').trim(),
  );
}

// Inline Markdown (CommonMark and GFM): emphasis, code, links, images, HTML, entities, tables,
// strikethrough. Each is ASCII punctuation, which CommonMark lets a backslash make literal.
const INLINE_SIGNIFICANT = /[\\`*_[\]<>&~|!]/g;
// At the start of a line these open a block: heading, list, quote, thematic break, setext line.
const LEADING_SIGNIFICANT = /^([#+\-=>]|\d+[.)])/;

/** A value as literal Markdown text on one line: `*Acme* <script>` → `\*Acme\* \<script\>`. */
export function escapeMarkdownText(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  const inline = oneLine.replace(INLINE_SIGNIFICANT, (c) => `\\${c}`);
  return inline.replace(LEADING_SIGNIFICANT, (marker) =>
    marker.length === 1 ? `\\${marker}` : `${marker.slice(0, -1)}\\${marker.slice(-1)}`,
  );
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../../contracts/incidents-schemas';
import { packageRoot } from '../../platform/package-info';

// The response checklists (content/incidents/checklists.md, our own content): one per category.

export interface ChecklistItem {
  readonly id: string;
  readonly title: string;
  readonly dueInDays: number;
}

const FILE = 'content/incidents/checklists.md';
const HEADING = /^## (.*)$/;
const ITEM = /^- day (\d{1,3}): (.+)$/;

function isCategory(value: string): value is IncidentCategory {
  return (INCIDENT_CATEGORIES as readonly string[]).includes(value);
}

/**
 * Reads the checklists' text; throws listing every problem as "file line N: …" (at most 20), or
 * a category without items.
 */
export function parseChecklists(
  text: string,
  file = FILE,
): ReadonlyMap<IncidentCategory, readonly ChecklistItem[]> {
  const lists = new Map<IncidentCategory, ChecklistItem[]>();
  const problems: string[] = [];
  let current: ChecklistItem[] | undefined;
  let category: IncidentCategory | undefined;
  text.split(/\r?\n/).forEach((line, index) => {
    const at = `${file} line ${index + 1}`;
    const heading = HEADING.exec(line);
    if (heading) {
      const name = (heading[1] ?? '').trim();
      if (!isCategory(name)) {
        problems.push(
          `${at}: "${name}" is no incident category (${INCIDENT_CATEGORIES.join(', ')})`,
        );
        current = undefined;
        category = undefined;
      } else if (lists.has(name)) {
        problems.push(`${at}: the category "${name}" appears twice`);
        current = undefined;
        category = undefined;
      } else {
        current = [];
        category = name;
        lists.set(name, current);
      }
      return;
    }
    if (!line.startsWith('- ')) return;
    const item = ITEM.exec(line);
    if (!item) {
      problems.push(`${at}: an item is written "- day N: what to do"`);
      return;
    }
    if (!current || !category) {
      problems.push(`${at}: an item belongs under a "## category" heading`);
      return;
    }
    const title = (item[2] ?? '').trim();
    if (title.length > 200) {
      problems.push(`${at}: an item is at most 200 characters`);
      return;
    }
    current.push({ id: `${category}-${current.length + 1}`, title, dueInDays: Number(item[1]) });
  });
  for (const name of INCIDENT_CATEGORIES) {
    if (!(lists.get(name)?.length ?? 0))
      problems.push(`${file}: the category "${name}" has no items`);
  }
  if (problems.length > 0) throw new Error(problems.slice(0, 20).join('\n'));
  return lists;
}

let cached: ReadonlyMap<IncidentCategory, readonly ChecklistItem[]> | undefined;

/** The shipped checklists, read and checked once (at start, through the manifest's checkContent). */
export function loadChecklists(): ReadonlyMap<IncidentCategory, readonly ChecklistItem[]> {
  cached ??= parseChecklists(readFileSync(path.join(packageRoot(), FILE), 'utf8'));
  return cached;
}

/** The checklist of a category. */
export function checklistOf(category: IncidentCategory): readonly ChecklistItem[] {
  return loadChecklists().get(category) ?? [];
}

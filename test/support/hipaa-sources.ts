import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/server/platform/package-info';

/** ../shared/hipaa-sources next to the repository, when this machine has it. */
export const HIPAA_SOURCES = path.join(packageRoot(), '..', 'shared', 'hipaa-sources');
export const hasHipaaSources = existsSync(HIPAA_SOURCES);

export interface EcfrItem {
  id: string;
  kind: 'standard' | 'implementation_specification';
  /** The heading as printed, or null where the text gives none (164.314(b)(2)(i)–(iv)). */
  title: string | null;
  /**
   * A specification's marker; a standard's "(R)" of Appendix A when it has no separate
   * specification, and null when it has some (the rule gives such a standard no designation).
   */
  designation: 'required' | 'addressable' | null;
}

const ROMAN = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x']);
const SECTIONS = ['164.308', '164.310', '164.312', '164.314', '164.316'];

function levelOf(label: string): number {
  if (/^\d+$/.test(label)) return 1;
  if (ROMAN.has(label)) return 2;
  if (/^[A-Z]$/.test(label)) return 3;
  return 0;
}

function decode(text: string): string {
  return text
    .replace(/&#x([0-9A-F]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&amp;/g, '&');
}

/**
 * Standards and implementation specifications as the eCFR XML of Subpart C prints them, read
 * independently of Custos's catalog: "Standard:" headings, "(Required)"/"(Addressable)" markers,
 * and the grouped "Implementation specifications (Required)" of 164.314.
 */
export function readEcfrItems(): EcfrItem[] {
  const xml = readFileSync(
    path.join(HIPAA_SOURCES, 'ecfr-title45-part164-subpartC-2026-03-13.xml'),
    'utf8',
  );
  const items: EcfrItem[] = [];
  for (const section of SECTIONS) {
    const start = xml.indexOf(`<DIV8 N="${section}"`);
    const body = xml.slice(start, xml.indexOf('</DIV8>', start));
    const path: string[] = [];
    let group: { prefix: string; designation: 'required' | 'addressable' } | null = null;
    let standard: EcfrItem | null = null;
    // A specification printed after a standard of the same paragraph, (a) or (b), is one of its own.
    const pushSpecification = (item: EcfrItem) => {
      items.push(item);
      if (standard && item.id.startsWith(/^164\.3\d\d\([a-z]\)/.exec(standard.id)?.[0] ?? '-')) {
        standard.designation = null;
      }
    };
    for (const [, raw = ''] of body.matchAll(/<P>([\s\S]*?)<\/P>/g)) {
      const italics = [...raw.matchAll(/<I>([\s\S]*?)<\/I>/g)].map((m) =>
        decode(m[1] ?? '').trim(),
      );
      const italic = italics[0];
      const text = decode(raw.replace(/<[^>]+>/g, '')).trim();
      const labels = /^((?:\([^)]+\))+)/.exec(text)?.[1];
      if (!labels) continue;
      for (const [, label = ''] of labels.matchAll(/\(([^)]+)\)/g)) {
        const level = /^[a-z]$/.test(label) && !ROMAN.has(label) ? 0 : levelOf(label);
        path.length = level;
        path[level] = `(${label})`;
      }
      const id = section + path.join('');
      const heading = italic ? decode(italic).trim().replace(/\.$/, '') : '';
      const marker = /\((Required|Addressable)\)/.exec(heading);
      if (heading.startsWith('Standard: ')) {
        // "(1)(i) Standard: …" is the standard (1); its (ii) lists the specifications.
        standard = {
          id: id.replace(/\(i\)$/, ''),
          kind: 'standard',
          title: heading.slice('Standard: '.length),
          designation: 'required',
        };
        items.push(standard);
        group = null;
      } else if (
        /^Implementation specifications \((Required|Addressable)\)/.test(
          text.slice(labels.length).trim(),
        )
      ) {
        const designation = text.includes('(Addressable)') ? 'addressable' : 'required';
        group = { prefix: id, designation };
        if (text.includes('—(i)')) {
          const title = (italics.at(-1) ?? '').replace(/\.$/, '');
          pushSpecification({
            id: `${id}(i)`,
            kind: 'implementation_specification',
            title,
            designation,
          });
        }
      } else if (marker) {
        const title = heading
          .replace(/^Implementation specifications?: /, '')
          .replace(/ \((Required|Addressable)\)$/, '');
        pushSpecification({
          id,
          kind: 'implementation_specification',
          title,
          designation: marker[1] === 'Addressable' ? 'addressable' : 'required',
        });
      } else if (
        group &&
        id.startsWith(group.prefix) &&
        /^\([ivx]+\)$/.test(id.slice(group.prefix.length))
      ) {
        pushSpecification({
          id,
          kind: 'implementation_specification',
          title: heading === '' ? null : heading,
          designation: group.designation,
        });
      }
    }
  }
  return items;
}

interface NistElement {
  element_type: string;
  element_identifier: string;
  title: string;
}

/** Key activity titles of NIST SP 800-66r2 per standard id as NIST CPRT keys it. */
export function readNistKeyActivities(): Map<string, string[]> {
  const file = JSON.parse(
    readFileSync(path.join(HIPAA_SOURCES, 'nist-cprt-SP800_66_2_0_0-export.json'), 'utf8'),
  ) as { response: { elements: { elements: NistElement[] } } };
  const byStandard = new Map<string, [number, string][]>();
  for (const element of file.response.elements.elements) {
    const match = /^KA_(.+)\.(\d+)$/.exec(element.element_identifier);
    if (element.element_type !== 'key_activity' || !match) continue;
    const list = byStandard.get(match[1] ?? '') ?? [];
    list.push([Number(match[2]), element.title.replace(/\s+/g, ' ').trim()]);
    byStandard.set(match[1] ?? '', list);
  }
  return new Map(
    [...byStandard].map(([id, list]) => [id, list.sort((a, b) => a[0] - b[0]).map(([, t]) => t)]),
  );
}

/** NIST CPRT's SP 800-53r5 and CSF 1.1 mappings per standard. */
export function readNistMappings(): Record<string, { csf11: string[]; sp80053r5: string[] }> {
  const file = JSON.parse(
    readFileSync(path.join(HIPAA_SOURCES, 'sp800-66r2-mappings-by-standard.json'), 'utf8'),
  ) as { by_standard: Record<string, { csf11: string[]; sp80053r5: string[] }> };
  return file.by_standard;
}

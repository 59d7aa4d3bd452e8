import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Issue 12: "1 flow(s)" is developer text. Every text of the web app (string, template and JSX
// text) says a real plural, chosen by countOf/plural (components/format.ts, Intl.PluralRules).
// Raw enum values are the lint rule words/no-raw-enum-text's (scripts/eslint/words.js).
const WEB = new URL('../src/web/', import.meta.url).pathname;
const PLURAL_S = /\w\(s\)/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sources(path);
    }
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The texts of a file that a person may read, with their line. */
export function textsOf(fileName: string, code: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ line, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('words of the web app', () => {
  it('finds the texts of strings, templates and JSX', () => {
    const texts = textsOf(
      'x.tsx',
      'const a = `${n} flow(s)`; const b = <p>2 problem(s)</p>; const c = "risk(s)";',
    );
    expect(texts.filter((t) => PLURAL_S.test(t.text)).map((t) => t.text.trim())).toEqual([
      'flow(s)',
      '2 problem(s)',
      'risk(s)',
    ]);
  });

  it('never writes a plural as "(s)"', () => {
    const offending = sources(WEB).flatMap((path) =>
      textsOf(path, readFileSync(path, 'utf8'))
        .filter((t) => PLURAL_S.test(t.text))
        .map((t) => `${relative(WEB, path)}:${t.line}: ${t.text.trim()}`),
    );
    expect(offending).toEqual([]);
    // Parses every web file: seconds on a loaded 2-core machine.
  }, 30_000);
});

// "Imported 1 assets.": a number followed by a plural noun written by hand, in a template
// (`${n} rows`) or in JSX ({n} rows). countOf/plural choose the noun; this finds the hand-made.
const NOT_PLURAL = new Set([
  'is',
  'has',
  'was',
  'this',
  'its',
  'as',
  'us',
  'yes',
  'status',
  'matches',
]);

/** Texts that follow an interpolated value and begin with a word ending in "s". */
export function handMadePlurals(fileName: string, code: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const check = (node: ts.Node, text: string) => {
    const word = /^ ([a-z]+s)\b/.exec(text)?.[1];
    if (word && !NOT_PLURAL.has(word)) {
      const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ line, text: text.trim() });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      check(node, node.text);
    }
    if (ts.isJsxText(node)) {
      const siblings = node.parent.getChildren().flatMap((c) => c.getChildren());
      const before = siblings[siblings.indexOf(node) - 1];
      if (before && ts.isJsxExpression(before)) {
        check(node, node.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('counts of the web app', () => {
  it('finds a number and a plural noun put together by hand', () => {
    const texts = handMadePlurals(
      'x.tsx',
      'const a = `${n} rows are ready`; const b = <p>Imported {n} assets.</p>; const c = `${n} is`; const d = <p>{n} open</p>;',
    );
    expect(texts.map((t) => t.text)).toEqual(['rows are ready', 'assets.']);
  });

  it('says a count with countOf or plural, never "1 assets"', () => {
    const offending = sources(WEB).flatMap((path) =>
      handMadePlurals(path, readFileSync(path, 'utf8')).map(
        (t) => `${relative(WEB, path)}:${t.line}: ${t.text}`,
      ),
    );
    expect(offending).toEqual([]);
    // Parses every web file: seconds on a loaded 2-core machine.
  }, 30_000);
});

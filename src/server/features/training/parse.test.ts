import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/content';
import { readCourse } from './content';
import { CourseSyntaxError, parseCourseFile } from './parse';
import { sampleCourse as course } from './sample-course';

const catalogIds = new Set(catalog().requirements.map((r) => r.id));

describe('the course file parser', () => {
  const lineOfError = (text: string): string => {
    try {
      parseCourseFile(text);
    } catch (error) {
      if (error instanceof CourseSyntaxError) {
        return `${error.line}: ${error.message}`;
      }
      throw error;
    }
    return 'no error';
  };

  it('names the line of each mistake', () => {
    const good = course();
    const at = (needle: string) => good.split('\n').findIndex((l) => l === needle) + 1;
    expect(lineOfError('# no front matter')).toBe(
      '1: must be --- (the front matter opens the file)',
    );
    expect(lineOfError(good.replace('title: Sample course', 'title Sample'))).toMatch(
      /^3: expected one of/,
    );
    expect(lineOfError(good.replace('minutes: 10', 'id: again'))).toBe('5: id appears twice');
    expect(lineOfError(good.replace('minutes: 10', 'minutes:'))).toBe('5: minutes has no value');
    expect(lineOfError(good.replace('requirements:', 'requirements: 164.308(a)(5)'))).toBe(
      '8: requirements is a list: one "  - <citation>" line each',
    );
    expect(lineOfError(good.replace('minutes: 10', '  - stray'))).toBe(
      '5: a list item belongs under requirements:',
    );
    expect(lineOfError(good.replace('minutes: 10\n', ''))).toBe(
      '9: the front matter has no minutes',
    );
    expect(lineOfError(good.split('\n').slice(0, 9).join('\n'))).toBe(
      '9: the front matter has no closing ---',
    );
    expect(lineOfError(good.replace('## One', 'Stray text\n\n## One'))).toBe(
      '12: text before the first page: open a page with "## Title"',
    );
    expect(lineOfError(good.replace('## Two', '# Two'))).toBe(
      `${at('## Two')}: the only level-1 heading is "# Questions"`,
    );
    expect(lineOfError(good.replace('### q1 (single)', '### q1'))).toBe(
      `${at('### q1 (single)')}: a question opens with "### <id> (single)" or "(multiple)"`,
    );
    expect(lineOfError(good.replace('- [ ] Option 2 of q1', '- Option 2 of q1'))).toBe(
      `${at('- [ ] Option 2 of q1')}: an option is "- [ ] text", or "- [x] text" when correct`,
    );
    expect(lineOfError(good.replace('- [ ] Option 2 of q1', '- [X] Option 2 of q1'))).toMatch(
      new RegExp(`^${at('- [ ] Option 2 of q1')}: an option is`),
    );
    expect(lineOfError(good.replace('Why: Because of q1.', 'Why: Because.\n\nMore text.'))).toBe(
      `${at('Why: Because of q1.') + 2}: text after "Why:": open the next question with "### <id> (single)"`,
    );
    expect(lineOfError(good.replace('Why: Because of q1.', 'Why: A.\nWhy: B.'))).toBe(
      `${at('Why: Because of q1.') + 1}: a second "Why:"`,
    );
    expect(lineOfError(good.replace('Why: Because of q1.\n', 'Why: A.\n- [ ] Late option'))).toBe(
      `${at('Why: Because of q1.') + 1}: an option after "Why:": options come first`,
    );
    expect(lineOfError(good.replace('# Questions\n\n', '# Questions\n\nIntro text.\n\n'))).toBe(
      `${at('# Questions') + 2}: text before the first question: open one with "### <id> (single)"`,
    );
  });

  it('joins a wrapped prompt and explanation, keeps paragraphs, and reads CRLF and a BOM alike', () => {
    const wrapped = course().replace(
      'What about q0?\n\n- [x]',
      'A long question\nwrapped over lines.\n\nSecond paragraph?\n\n- [x]',
    );
    const parsed = parseCourseFile(wrapped.replace('Why: Because of q0.', 'Why: A long\nreason.'));
    expect(parsed.course.questions[0]?.prompt).toBe(
      'A long question wrapped over lines.\n\nSecond paragraph?',
    );
    expect(parsed.course.questions[0]?.explanation).toBe('A long reason.');
    const crlf = '\uFEFF' + course().replaceAll('\n', '\r\n');
    expect(parseCourseFile(crlf).course).toEqual(parseCourseFile(course()).course);
  });

  it('keeps headings inside a fenced code block as code, and refuses a fence left open', () => {
    const fenced = course().replace(
      'Second page.',
      'Second page.\n\n```sh\n# a comment\n## not a page\n```\n\n~~~\n# Questions\n~~~',
    );
    const parsed = parseCourseFile(fenced).course;
    expect(parsed.pages.map((p) => p.title)).toEqual(['One', 'Two', 'Three']);
    expect(parsed.pages[1]?.body).toContain('## not a page');
    expect(parsed.questions).toHaveLength(8);
    const open = course().replace('Third page.', 'Third page.\n\n```\n# Questions');
    expect(lineOfError(open)).toMatch(/^\d+: a code block opened with ``` is never closed$/);
  });

  it('answers any text with a module or problems, never another error', () => {
    const good = course();
    const edits = fc.array(
      fc.record({ at: fc.nat(), cut: fc.nat({ max: 40 }), insert: fc.string({ maxLength: 20 }) }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(edits, fc.string({ maxLength: 200 }), (changes, noise) => {
        let text = good;
        for (const { at, cut, insert } of changes) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + cut);
        }
        for (const candidate of [text, noise]) {
          const read = readCourse(candidate, 'sample.md', catalogIds);
          if ('problems' in read) {
            expect(read.problems.length).toBeGreaterThan(0);
            for (const problem of read.problems) {
              expect(problem.line).toBeGreaterThanOrEqual(1);
              expect(problem.line).toBeLessThanOrEqual(candidate.split('\n').length);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads back any single-line title, option and requirement it is given', () => {
    const value = fc
      .string({ minLength: 1, maxLength: 60 })
      .map((s) => s.replace(/[\r\n]/g, ' ').trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(
        value,
        value,
        fc.array(value, { minLength: 1, maxLength: 4 }),
        (title, option, reqs) => {
          // Function replacers: a value may hold `$`, which a replacement string would interpret.
          const text = course()
            .replace('title: Sample course', () => `title: ${title}`)
            .replace('Option 2 of q3', () => option)
            .replace('  - 164.308(a)(5)', () => reqs.map((r) => `  - ${r}`).join('\n'));
          const { course: parsed } = parseCourseFile(text);
          expect(parsed.title).toBe(title);
          expect(parsed.requirements).toEqual(reqs);
          expect(parsed.questions[3]?.options[1]).toEqual({ text: option, correct: false });
        },
      ),
    );
  });
});

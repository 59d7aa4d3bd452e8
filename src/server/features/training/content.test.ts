import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIPAA_SOURCES, hasHipaaSources } from '../../../../test/support/hipaa-sources';
import { catalog } from '../catalog/content';
import {
  CourseContentError,
  loadTrainingModules,
  loadTrainingModulesFrom,
  optionId,
  readCourse,
  type TrainingModule,
} from './content';
import { sampleCourse as course, sampleQuestion as question } from './sample-course';

const modules = loadTrainingModules();
const catalogIds = new Set(catalog().requirements.map((r) => r.id));

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'custos-training-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

/** The problems of one file as `line: message`. */
function problemsOf(text: string, name = 'sample.md'): string[] {
  const read = readCourse(text, name, catalogIds);
  return 'problems' in read ? read.problems.map((p) => `${p.line}: ${p.message}`) : [];
}

describe('the course library', () => {
  it('holds the seven modules', () => {
    expect(
      modules.map(
        (m) =>
          `${m.id}: ${m.title} (${m.pages.length} pages, ${m.questions.length} questions, draws ${m.quizLength}, pass ${m.passMark}%)`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "devices-media: Devices and media (4 pages, 10 questions, draws 8, pass 80%)",
        "handling-ephi: Handling patient information (4 pages, 11 questions, draws 8, pass 80%)",
        "hipaa-basics: HIPAA security basics for the workforce (4 pages, 11 questions, draws 8, pass 80%)",
        "malicious-software: Malicious software (4 pages, 11 questions, draws 8, pass 80%)",
        "passwords-mfa: Passwords and multi-factor sign-in (4 pages, 11 questions, draws 8, pass 80%)",
        "phishing: Phishing and social engineering (4 pages, 11 questions, draws 8, pass 80%)",
        "reporting-incidents: Reporting security incidents (4 pages, 11 questions, draws 8, pass 80%)",
      ]
    `);
  });

  it('gives every question one right answer or a right set, with unique ids throughout', () => {
    expect(new Set(modules.map((m) => m.id)).size).toBe(modules.length);
    expect(new Set(modules.map((m) => m.title)).size).toBe(modules.length);
    for (const module of modules) {
      const ids = module.questions.map((q) => q.id);
      expect(new Set(ids).size, module.id).toBe(ids.length);
      for (const q of module.questions) {
        const where = `${module.id}/${q.id}`;
        const correct = q.options.filter((o) => o.correct).length;
        expect(correct, where).toBeGreaterThanOrEqual(1);
        expect(correct, where).toBeLessThan(q.options.length);
        if (q.kind === 'single') {
          expect(correct, where).toBe(1);
        }
        expect(new Set(q.options.map((o) => o.id)).size, where).toBe(q.options.length);
        expect(q.explanation, where).toMatch(/^[A-Za-z].*[.?!]$/);
      }
      // Both kinds of question in every bank: "choose every one that applies" is practised.
      expect(new Set(module.questions.map((q) => q.kind)), module.id).toEqual(
        new Set(['single', 'multiple']),
      );
    }
  });

  it('gives no length cue: "choose the longest" or "the shortest" is right little more often than chance', () => {
    const singles = modules.flatMap((m) => m.questions.filter((q) => q.kind === 'single'));
    const rightWhen = (pick: (lengths: number[]) => number) =>
      singles.filter((q) => {
        const lengths = q.options.map((o) => o.text.length);
        const target = pick(lengths);
        const only = lengths.filter((l) => l === target).length === 1;
        return only && q.options.find((o) => o.correct)?.text.length === target;
      }).length / singles.length;
    // Chance is one in the number of options (four today); a third leaves room for variation.
    expect(rightWhen((l) => Math.max(...l))).toBeLessThanOrEqual(1 / 3);
    expect(rightWhen((l) => Math.min(...l))).toBeLessThanOrEqual(1 / 3);
  });

  it('keeps pass marks, quiz lengths and sizes sane', () => {
    for (const module of modules) {
      expect(module.passMark, module.id).toBeGreaterThanOrEqual(50);
      expect(module.passMark, module.id).toBeLessThanOrEqual(100);
      expect(module.questions.length, module.id).toBeGreaterThanOrEqual(8);
      expect(module.quizLength, module.id).toBeLessThanOrEqual(module.questions.length);
      // A pass needs more right than wrong answers, and a wrong answer can still cost the pass.
      const needed = Math.ceil((module.passMark * module.quizLength) / 100);
      expect(needed, module.id).toBeGreaterThan(module.quizLength / 2);
      expect(needed, module.id).toBeLessThanOrEqual(module.quizLength);
      expect(module.pages.length, module.id).toBeGreaterThanOrEqual(3);
      expect(module.pages.length, module.id).toBeLessThanOrEqual(6);
    }
  });

  it('cites only requirements of the catalog, and together covers 164.308(a)(5)(ii)(A)–(D)', () => {
    for (const module of modules) {
      for (const id of module.requirements) {
        expect(catalogIds.has(id), `${module.id}: ${id}`).toBe(true);
      }
    }
    const awareness = ['A', 'B', 'C', 'D'].map((letter) => `164.308(a)(5)(ii)(${letter})`);
    // All four are in the catalog, so all four are to be covered.
    expect(awareness.filter((id) => catalogIds.has(id))).toEqual(awareness);
    const covered = new Set(modules.flatMap((m) => m.requirements));
    expect(awareness.filter((id) => !covered.has(id))).toEqual([]);
    expect(modules.every((m) => m.requirements.includes('164.308(a)(5)'))).toBe(true);
  });

  it('cites the law only where the rule says it: catalog items, their paragraphs, or the sections it defines', () => {
    const ids = [...catalogIds];
    // Sections of Subpart C outside the catalog that the courses cite, with words of the rule there.
    const named: Record<string, string> = {
      '164.304': 'Malicious software means software, for example, a virus',
      '164.306(a)(1)': 'Ensure the confidentiality, integrity, and availability of all electronic',
      '164.306(a)(2)': 'Protect against any reasonably anticipated threats or hazards',
      '164.306(a)(4)': 'Ensure compliance with this subpart by its workforce',
      '164.306(b)': 'The size, complexity, and capabilities of the covered entity',
      '164.306(d)':
        'Assess whether each implementation specification is a reasonable and appropriate',
    };
    for (const module of modules) {
      const text = [
        ...module.pages.map((p) => p.body),
        ...module.questions.flatMap((q) => [
          q.prompt,
          q.explanation,
          ...q.options.map((o) => o.text),
        ]),
      ].join('\n');
      for (const [cited] of text.matchAll(/164\.\d+(\([a-zA-Z0-9]+\))*/g)) {
        const known =
          cited in named || ids.some((id) => id.startsWith(cited) || cited.startsWith(id));
        expect(known, `${module.id} cites ${cited}`).toBe(true);
      }
    }
    if (hasHipaaSources) {
      const ecfr = readFileSync(
        path.join(HIPAA_SOURCES, 'ecfr-title45-part164-subpartC-2026-03-13.xml'),
        'utf8',
      )
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ');
      for (const [section, words] of Object.entries(named)) {
        expect(ecfr, section).toContain(words);
      }
    }
  });
});

describe('loading courses', () => {
  it('reads a good file: pages, questions, options with ids that do not reveal their place', () => {
    const read = readCourse(course(), 'sample.md', catalogIds);
    expect('module' in read).toBe(true);
    const module: TrainingModule | undefined = 'module' in read ? read.module : undefined;
    expect(module?.pages.map((p) => [p.title, p.body])).toEqual([
      ['One', 'First page.'],
      ['Two', 'Second page.'],
      ['Three', 'Third page.'],
    ]);
    const first = module?.questions[0];
    expect(
      first && { ...first, options: first.options.map(({ text, correct }) => ({ text, correct })) },
    ).toEqual({
      id: 'q0',
      kind: 'single',
      prompt: 'What about q0?',
      options: [
        { text: 'Option 1 of q0', correct: true },
        { text: 'Option 2 of q0', correct: false },
        { text: 'Option 3 of q0', correct: false },
      ],
      explanation: 'Because of q0.',
    });
    // An option's id comes from its question and text, not from its place among the options.
    expect(first?.options.map((o) => o.id)).toEqual(
      first?.options.map((o) => optionId('q0', o.text)),
    );
    expect(optionId('q0', 'Option 1 of q0')).toMatch(/^[0-9a-f]{10}$/);
    expect(optionId('q0', 'Option 1 of q0')).not.toBe(optionId('q1', 'Option 1 of q0'));
    expect(module).toMatchObject({ minutes: 10, passMark: 80, quizLength: 5 });
  });

  it('names the line of each problem of the content', () => {
    const eight = Array.from({ length: 8 }, (_, i) => question(`q${i}`));
    const text = course();
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l === needle) + 1;
    expect(problemsOf(course().replace('164.308(a)(5)', '164.308(a)(9)'))).toEqual([
      '9: requirements: 164.308(a)(9) is not in the catalog',
    ]);
    expect(problemsOf(course().replace('passMark: 80', 'passMark: 30'))).toEqual([
      '6: passMark: must be at least 50',
    ]);
    expect(problemsOf(course().replace('quizLength: 5', 'quizLength: 9'))).toEqual([
      '7: quizLength: draws 9 questions from a bank of 8',
    ]);
    expect(problemsOf(course().replace('minutes: 10', 'minutes: ten'))).toEqual([
      '5: minutes: must be a whole number',
    ]);
    expect(problemsOf(course(), 'other.md')).toEqual(['2: id sample must match the file name']);
    expect(
      problemsOf(course({ questions: [...eight.slice(0, 7), question('q2', 'single')] })),
    ).toEqual([`${lineOf('### q7 (single)')}: question q2, id: q2 is used twice`]);
    const wrong = course({
      questions: [
        question('none', 'single', [' ', ' ']),
        question('two', 'single', ['x', 'x', ' ']),
        question('all', 'multiple', ['x', 'x']),
        ...eight.slice(3),
      ],
    });
    const at = (needle: string) => wrong.split('\n').findIndex((l) => l === needle) + 1;
    expect(problemsOf(wrong)).toEqual([
      `${at('### none (single)')}: question none, options: marks no option correct`,
      `${at('### two (single)')}: question two, options: is single-choice but marks 2 options correct`,
      `${at('### all (multiple)')}: question all, options: marks every option correct`,
    ]);
    const why = course().replace('Why: Because of q3.', 'Why: Two. Sentences.');
    expect(problemsOf(why)).toEqual([
      `${lineOf('Why: Because of q3.')}: question q3, explanation: must be one sentence`,
    ]);
    const noWhy = course().replace('\nWhy: Because of q4.\n', '\n');
    expect(problemsOf(noWhy)[0]).toMatch(/^\d+: question q4, explanation: /);
    const repeated = course().replace('Option 2 of q5', 'Option 1 of q5');
    expect(problemsOf(repeated)).toEqual([
      `${lineOf('- [ ] Option 2 of q5')}: question q5, option 2: repeats an option`,
    ]);
    expect(problemsOf(course({ pages: '## One\n\nOnly page.' }))).toEqual([
      '12: pages: needs at least 3 pages',
    ]);
    expect(problemsOf(course({ questions: eight.slice(0, 7) }))).toEqual([
      `${lineOf('# Questions')}: questions: needs a bank of at least 8 questions`,
    ]);
    expect(problemsOf(course().replace('## Two\n\nSecond page.', '## Two\n'))).toEqual([
      `${lineOf('## Two')}: page 2, body: is empty`,
    ]);
  });

  it('reports every problem of every file together, each with file and line', () => {
    const folder = folderWith({
      'sample.md': course().replace('passMark: 80', 'passMark: 101'),
      'zeta.md': course()
        .replace('id: sample', 'id: zeta')
        .replace('title: Sample course', 'title'),
      'README.md': '# not a course',
    });
    let error: unknown;
    try {
      loadTrainingModulesFrom(folder, catalogIds);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CourseContentError);
    expect(error instanceof Error ? error.message : '').toBe(
      [
        'content/training/sample.md:6: passMark: must be at most 100',
        'content/training/zeta.md:3: expected one of id, title, summary, minutes, passMark, quizLength, requirements as "key: value"',
      ].join('\n'),
    );
    expect(() => loadTrainingModulesFrom(folderWith({ 'README.md': '# x' }), catalogIds)).toThrow(
      /no module/,
    );
  });
});

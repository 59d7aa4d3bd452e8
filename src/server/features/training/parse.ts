/*
 * The course file format (content/training/README.md), read line by line so that every problem
 * names its line: a front matter of known `key: value` lines, pages opened by `## `, and a question
 * bank after `# Questions`. This parser only finds the parts and where they are; content.ts checks
 * their values. Like the policy templates' format, it is ours rather than YAML: a few known keys need
 * no implicit typing, and a small parser can point at the exact line of a mistake.
 */

/** The front matter's keys, in the order the README shows them. */
export const COURSE_FIELDS = [
  'id',
  'title',
  'summary',
  'minutes',
  'passMark',
  'quizLength',
  'requirements',
] as const;
type Field = (typeof COURSE_FIELDS)[number];
type ScalarField = Exclude<Field, 'requirements'>;

export const QUESTION_KINDS = ['single', 'multiple'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface RawOption {
  text: string;
  correct: boolean;
}

export interface RawQuestion {
  id: string;
  kind: string;
  prompt: string;
  options: RawOption[];
  explanation?: string;
}

export interface RawPage {
  title: string;
  body: string;
}

/** A course file's parts, still as text: content.ts validates them. */
export type RawCourse = Partial<Record<ScalarField, string>> & {
  requirements?: string[];
  pages: RawPage[];
  questions: RawQuestion[];
};

/** A parsed course and the line (1-based) of each part, keyed by its dotted path (`questions.2.options.1`). */
export interface ParsedCourse {
  course: RawCourse;
  lines: ReadonlyMap<string, number>;
}

/** A mistake in a course file, at a line. */
export class CourseSyntaxError extends Error {
  override name = 'CourseSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const QUESTIONS_HEADING = '# Questions';

/** Splits a course file into front matter, pages and questions; throws a CourseSyntaxError naming the line. */
export function parseCourseFile(text: string): ParsedCourse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const at = new Map<string, number>();
  const course: RawCourse = { pages: [], questions: [] };
  const bodyStart = readFrontMatter(lines, course, at);
  // Problems of the lists as a whole (too few pages, too few questions) point at where they start.
  at.set('pages', bodyStart + 1);
  const bankStart = readPages(lines, bodyStart, course, at);
  at.set('questions', Math.min(bankStart + 1, lines.length));
  if (bankStart < lines.length) {
    readQuestions(lines, bankStart + 1, course, at);
  }
  return { course, lines: at };
}

function readFrontMatter(lines: string[], course: RawCourse, at: Map<string, number>): number {
  if (lines[0] !== '---') {
    throw new CourseSyntaxError(1, 'must be --- (the front matter opens the file)');
  }
  let list: string[] | null = null;
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const number = index + 1;
    if (line === '---') {
      const missing = COURSE_FIELDS.find((f) => course[f] === undefined);
      if (missing) {
        throw new CourseSyntaxError(number, `the front matter has no ${missing}`);
      }
      return index + 1;
    }
    const item = /^ {2}- (\S.*)$/.exec(line);
    if (item?.[1] !== undefined) {
      if (!list) {
        throw new CourseSyntaxError(number, 'a list item belongs under requirements:');
      }
      at.set(`requirements.${list.length}`, number);
      list.push(item[1].trimEnd());
      continue;
    }
    list = null;
    const entry = /^([a-zA-Z]+):(?: (\S.*))?$/.exec(line);
    const key = COURSE_FIELDS.find((f) => f === entry?.[1]);
    if (!entry || !key) {
      throw new CourseSyntaxError(
        number,
        `expected one of ${COURSE_FIELDS.join(', ')} as "key: value"`,
      );
    }
    if (course[key] !== undefined) {
      throw new CourseSyntaxError(number, `${key} appears twice`);
    }
    at.set(key, number);
    const value = entry[2]?.trimEnd();
    if (key === 'requirements') {
      if (value !== undefined) {
        throw new CourseSyntaxError(
          number,
          'requirements is a list: one "  - <citation>" line each',
        );
      }
      list = [];
      course.requirements = list;
    } else if (value === undefined) {
      throw new CourseSyntaxError(number, `${key} has no value`);
    } else {
      course[key] = value;
    }
  }
  throw new CourseSyntaxError(lines.length, 'the front matter has no closing ---');
}

/** Reads `## ` pages up to `# Questions`; returns the index of that heading (or the end). */
function readPages(
  lines: string[],
  start: number,
  course: RawCourse,
  at: Map<string, number>,
): number {
  let page: { title: string; body: string[] } | null = null;
  const close = () => {
    if (page) {
      course.pages.push({ title: page.title, body: page.body.join('\n').trim() });
    }
  };
  let index = start;
  // Inside a fenced code block, `#` lines are code, not headings.
  let fence: string | null = null;
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const number = index + 1;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null || marker !== undefined) {
      if (!page) {
        throw new CourseSyntaxError(
          number,
          'text before the first page: open a page with "## Title"',
        );
      }
      if (fence === null) {
        fence = marker ?? null;
      } else if (marker?.startsWith(fence) && line.trim() === marker) {
        fence = null;
      }
      page.body.push(line);
      continue;
    }
    if (line === QUESTIONS_HEADING) {
      break;
    }
    if (line.startsWith('# ')) {
      throw new CourseSyntaxError(number, `the only level-1 heading is "${QUESTIONS_HEADING}"`);
    }
    const heading = /^## (.*)$/.exec(line);
    if (heading) {
      close();
      if (course.pages.length === 0) {
        at.set('pages', number);
      }
      at.set(`pages.${course.pages.length}`, number);
      at.set(`pages.${course.pages.length}.title`, number);
      at.set(`pages.${course.pages.length}.body`, number);
      page = { title: (heading[1] ?? '').trim(), body: [] };
    } else if (page) {
      page.body.push(line);
    } else if (line.trim() !== '') {
      throw new CourseSyntaxError(
        number,
        'text before the first page: open a page with "## Title"',
      );
    }
  }
  if (fence !== null) {
    throw new CourseSyntaxError(index, `a code block opened with ${fence} is never closed`);
  }
  close();
  return index;
}

type QuestionPart = 'prompt' | 'options' | 'explanation' | 'done';

function readQuestions(
  lines: string[],
  start: number,
  course: RawCourse,
  at: Map<string, number>,
): void {
  let question: RawQuestion | null = null;
  let part: QuestionPart = 'prompt';
  let prompt: string[] = [];
  const close = () => {
    if (question) {
      question.prompt = prompt
        .join('\n')
        .trim()
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' '))
        .join('\n\n');
      course.questions.push(question);
    }
  };
  for (let index = start; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trimEnd();
    const number = index + 1;
    const heading = /^### (\S+) \(([a-z]+)\)$/.exec(line);
    if (heading) {
      close();
    }
    // The open question is pushed when the next opens, so its index is the count pushed so far.
    const key = `questions.${course.questions.length}`;
    if (heading) {
      question = { id: heading[1] ?? '', kind: heading[2] ?? '', prompt: '', options: [] };
      part = 'prompt';
      prompt = [];
      for (const suffix of ['', '.id', '.kind', '.prompt', '.options', '.explanation']) {
        at.set(`${key}${suffix}`, number);
      }
      continue;
    }
    if (line.startsWith('#')) {
      throw new CourseSyntaxError(
        number,
        'a question opens with "### <id> (single)" or "(multiple)"',
      );
    }
    if (!question) {
      if (line !== '') {
        throw new CourseSyntaxError(
          number,
          'text before the first question: open one with "### <id> (single)"',
        );
      }
      continue;
    }
    const option = /^- \[([ x])\] (\S.*)$/.exec(line);
    const why = /^Why: (\S.*)$/.exec(line);
    if (option) {
      if (part === 'explanation' || part === 'done') {
        throw new CourseSyntaxError(number, 'an option after "Why:": options come first');
      }
      part = 'options';
      at.set(`${key}.options.${question.options.length}`, number);
      question.options.push({ text: option[2] ?? '', correct: option[1] === 'x' });
    } else if (/^\s*[-*+] /.test(line)) {
      throw new CourseSyntaxError(
        number,
        'an option is "- [ ] text", or "- [x] text" when correct',
      );
    } else if (why) {
      if (question.explanation !== undefined) {
        throw new CourseSyntaxError(number, 'a second "Why:"');
      }
      part = 'explanation';
      at.set(`${key}.explanation`, number);
      question.explanation = why[1] ?? '';
    } else if (line === '') {
      if (part === 'prompt') {
        prompt.push('');
      } else if (part === 'explanation') {
        part = 'done';
      }
    } else if (part === 'prompt') {
      prompt.push(line);
    } else if (part === 'explanation' && question.explanation !== undefined) {
      // A long explanation wrapped over lines.
      question.explanation = `${question.explanation} ${line.trim()}`;
    } else {
      throw new CourseSyntaxError(
        number,
        part === 'done'
          ? 'text after "Why:": open the next question with "### <id> (single)"'
          : 'text after the options: write "Why: <one sentence>"',
      );
    }
  }
  close();
}

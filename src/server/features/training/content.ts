import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../platform/package-info';
import { catalog } from '../catalog/content';
import {
  CourseSyntaxError,
  QUESTION_KINDS,
  parseCourseFile,
  type ParsedCourse,
  type QuestionKind,
} from './parse';

/*
 * The security-awareness course library (content/training): one Markdown file per module, read and
 * validated once, every problem named by file and line (content/training/README.md). The quiz is
 * drawn and scored on the server from this content (quiz.ts); a browser never receives the
 * `correct` flags or explanations before it submits (164.308(a)(5)(i): a training program whose
 * completion means something).
 */

const Kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be kebab-case' });
const Citation = z
  .string()
  .regex(/^164\.3\d\d(\([a-zA-Z0-9]+\))+$/, { error: 'is not a citation' });
const OneLine = z.string().trim().min(1, { error: 'is empty' });
const OneSentence = OneLine.regex(/^[^.?!]+([.?!][^ ][^.?!]*)*[.?!]$/, {
  error: 'must be one sentence',
});

function whole(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    );
}

const OptionSchema = z.object({ text: OneLine.max(200), correct: z.boolean() });

const QuestionSchema = z
  .object({
    id: Kebab,
    kind: z.enum(QUESTION_KINDS, { error: 'must be single or multiple' }),
    prompt: OneLine.max(600),
    options: z
      .array(OptionSchema)
      .min(2, { error: 'needs at least 2 options' })
      .max(6, { error: 'has more than 6 options' }),
    explanation: OneSentence.max(300),
  })
  .superRefine((question, ctx) => {
    const correct = question.options.filter((o) => o.correct).length;
    if (correct === 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'marks no option correct' });
    } else if (question.kind === 'single' && correct > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `is single-choice but marks ${correct} options correct`,
      });
    } else if (correct === question.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'marks every option correct',
      });
    }
    const seen = new Set<string>();
    question.options.forEach((option, index) => {
      const key = option.text.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['options', index], message: 'repeats an option' });
      }
      seen.add(key);
    });
  });

const PageSchema = z.object({
  title: OneLine.max(100),
  body: z.string().trim().min(1, { error: 'is empty' }),
});

export const CourseFileSchema = z
  .object({
    id: Kebab,
    title: OneLine.max(100),
    summary: OneSentence.max(300),
    minutes: whole(1, 120),
    // A pass mark below half would pass someone who got most answers wrong.
    passMark: whole(50, 100),
    quizLength: whole(5, 50),
    requirements: z
      .array(Citation)
      .min(1, { error: 'names no requirement' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'names a requirement twice' }),
    pages: z
      .array(PageSchema)
      .min(3, { error: 'needs at least 3 pages' })
      .max(6, { error: 'has more than 6 pages' }),
    questions: z.array(QuestionSchema).min(8, { error: 'needs a bank of at least 8 questions' }),
  })
  .superRefine((course, ctx) => {
    if (course.quizLength > course.questions.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['quizLength'],
        message: `draws ${course.quizLength} questions from a bank of ${course.questions.length}`,
      });
    }
    const seen = new Set<string>();
    course.questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: `${question.id} is used twice`,
        });
      }
      seen.add(question.id);
    });
  });

export interface CourseOption {
  /** Stable while the option's text is: a hash of question id and text, not its position. */
  readonly id: string;
  readonly text: string;
  readonly correct: boolean;
}

export interface CourseQuestion {
  readonly id: string;
  readonly kind: QuestionKind;
  readonly prompt: string;
  readonly options: readonly CourseOption[];
  /** One sentence, shown after submission. */
  readonly explanation: string;
}

export interface CoursePage {
  readonly title: string;
  /** Markdown. */
  readonly body: string;
}

/** One security-awareness module: its pages and its question bank. */
export interface TrainingModule {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  /** Percent of the drawn questions to answer correctly. */
  readonly passMark: number;
  /** How many questions a quiz draws from the bank. */
  readonly quizLength: number;
  readonly requirements: readonly string[];
  readonly pages: readonly CoursePage[];
  readonly questions: readonly CourseQuestion[];
}

/** One problem of a course file. */
export interface CourseProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** The problems of the course library, each as `file:line: message`, one a line. */
export class CourseContentError extends Error {
  override name = 'CourseContentError';
  constructor(readonly problems: readonly CourseProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  }
}

/** An option's id: derived from its question and text, so it says nothing of its place or truth. */
export function optionId(questionId: string, text: string): string {
  return createHash('sha256').update(`${questionId}\n${text}`).digest('hex').slice(0, 10);
}

let cached: readonly TrainingModule[] | undefined;

/** The shipped modules, read and validated once; a bad file throws naming file and line. */
export function loadTrainingModules(): readonly TrainingModule[] {
  cached ??= loadTrainingModulesFrom(
    path.join(packageRoot(), 'content', 'training'),
    new Set(catalog().requirements.map((r) => r.id)),
  );
  return cached;
}

/** Every `<id>.md` of a folder (README.md aside), in id order, checked against the catalog. */
export function loadTrainingModulesFrom(
  folder: string,
  requirementIds: ReadonlySet<string>,
): readonly TrainingModule[] {
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort();
  const problems: CourseProblem[] = [];
  const modules: TrainingModule[] = [];
  for (const name of names) {
    const file = `content/training/${name}`;
    const read = readCourse(readFileSync(path.join(folder, name), 'utf8'), name, requirementIds);
    if ('problems' in read) {
      problems.push(...read.problems.map((p) => ({ file, ...p })));
    } else {
      modules.push(read.module);
    }
  }
  if (names.length === 0) {
    problems.push({ file: 'content/training', line: 0, message: `no module in ${folder}` });
  }
  if (problems.length > 0) {
    throw new CourseContentError(problems);
  }
  return modules;
}

interface Located {
  line: number;
  message: string;
}

/** One course file, validated; the problems with their lines otherwise. */
export function readCourse(
  text: string,
  fileName: string,
  requirementIds: ReadonlySet<string>,
): { module: TrainingModule } | { problems: Located[] } {
  let parsed: ParsedCourse;
  try {
    parsed = parseCourseFile(text);
  } catch (error) {
    if (error instanceof CourseSyntaxError) {
      return { problems: [{ line: error.line, message: error.message }] };
    }
    throw error;
  }
  const { course, lines } = parsed;
  const lineOf = (at: readonly PropertyKey[]): number => {
    for (let n = at.length; n > 0; n -= 1) {
      const line = lines.get(at.slice(0, n).map(String).join('.'));
      if (line !== undefined) {
        return line;
      }
    }
    return 1;
  };
  const result = CourseFileSchema.safeParse(course);
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => ({
        line: lineOf(issue.path),
        message: `${describePath(issue.path, course.questions)} ${issue.message}`,
      })),
    };
  }
  const data = result.data;
  const problems: Located[] = [];
  if (`${data.id}.md` !== fileName) {
    problems.push({ line: lineOf(['id']), message: `id ${data.id} must match the file name` });
  }
  data.requirements.forEach((id, index) => {
    if (!requirementIds.has(id)) {
      problems.push({
        line: lineOf(['requirements', index]),
        message: `requirements: ${id} is not in the catalog`,
      });
    }
  });
  if (problems.length > 0) {
    return { problems };
  }
  return {
    module: {
      ...data,
      questions: data.questions.map((q) => ({
        ...q,
        options: q.options.map((o) => ({ id: optionId(q.id, o.text), ...o })),
      })),
    },
  };
}

/** `questions.3.options.1.text` → `question phish-link, option 2, text`. */
function describePath(at: readonly PropertyKey[], questions: readonly { id: string }[]): string {
  const [head, index, child, optionIndex, ...rest] = at.map(String);
  if (head === 'questions' && index !== undefined) {
    const question = `question ${questions[Number(index)]?.id ?? Number(index) + 1}`;
    if (child === 'options' && optionIndex !== undefined) {
      return [`${question}, option ${Number(optionIndex) + 1}`, ...rest].join(', ') + ':';
    }
    return [question, child, optionIndex, ...rest].filter(Boolean).join(', ') + ':';
  }
  if (head === 'pages' && index !== undefined) {
    return [`page ${Number(index) + 1}`, child, ...rest].filter(Boolean).join(', ') + ':';
  }
  return at.length === 0 ? 'the file:' : `${at.map(String).join('.')}:`;
}

import { createHash } from 'node:crypto';
import type { FieldIssue } from '../../../contracts/errors';
import { AppError } from '../../platform/errors';
import type { CourseQuestion, TrainingModule } from './content';
import type { QuestionKind } from './parse';

/*
 * The quiz, drawn and scored on the server (issue 15: "a client cannot submit a pass without the
 * right answers, and the answers are not sent to the browser before submission"). What drawQuiz
 * returns has no field for a correct flag or an explanation (quiz.test.ts proves it on the type), and
 * it is built field by field, so nothing of the bank rides along at run time either.
 */

/** An option as a learner sees it before submitting: no hint of whether it is right. */
export interface QuizOption {
  readonly id: string;
  readonly text: string;
}

/** A question as a learner sees it before submitting. */
export interface QuizQuestion {
  readonly id: string;
  /** `multiple`: choose every option that applies. */
  readonly kind: QuestionKind;
  readonly prompt: string;
  readonly options: readonly QuizOption[];
}

/** The questions a quiz shows, in the order to show them. */
export interface DrawnQuiz {
  readonly moduleId: string;
  readonly passMark: number;
  readonly questions: readonly QuizQuestion[];
}

/** A learner's answer to one drawn question: the options they chose. */
export interface QuizAnswer {
  readonly questionId: string;
  readonly optionIds: readonly string[];
}

/** What a learner learns about one question after submitting. */
export interface QuestionResult {
  readonly id: string;
  readonly answered: boolean;
  readonly correct: boolean;
  readonly explanation: string;
}

export interface QuizResult {
  readonly correctCount: number;
  readonly total: number;
  /** Percent, rounded down: passed exactly when score ≥ the module's pass mark. */
  readonly score: number;
  readonly passed: boolean;
  readonly questions: readonly QuestionResult[];
}

/**
 * A module's quiz for one seed: `quizLength` questions of the bank and their options, both in an
 * order that depends only on module id and seed (the same seed draws the same quiz again).
 */
export function drawQuiz(module: TrainingModule, seed: string): DrawnQuiz {
  const next = seededInts(`${module.id}\u0000${seed}`);
  const drawn = shuffle(module.questions, next).slice(0, module.quizLength);
  return {
    moduleId: module.id,
    passMark: module.passMark,
    questions: drawn.map((question) => ({
      id: question.id,
      kind: question.kind,
      prompt: question.prompt,
      options: shuffle(question.options, next).map((option) => ({
        id: option.id,
        text: option.text,
      })),
    })),
  };
}

/**
 * Scores answers to the questions drawn (their ids as drawQuiz gave them, kept by the server, not
 * sent back by the client). A question left out counts as wrong; a multiple-choice question is right
 * only when exactly its correct options are chosen. Throws `validation_failed` naming the question
 * for an answer to a question not drawn, a question answered twice, an unknown option, an option
 * chosen twice, an empty answer or several options on a single-choice question; `conflict` when a
 * drawn question has left the bank since (the learner draws again).
 */
export function scoreQuiz(
  module: TrainingModule,
  drawnIds: readonly string[],
  answers: readonly QuizAnswer[],
): QuizResult {
  const drawn = questionsDrawn(module, drawnIds);
  const chosen = answersByQuestion(drawn, answers);
  const questions = [...drawn.values()].map((question): QuestionResult => {
    const picked = chosen.get(question.id);
    const right = question.options.filter((o) => o.correct).map((o) => o.id);
    const correct =
      picked?.size === right.length && right.every((optionId) => picked.has(optionId));
    return {
      id: question.id,
      answered: picked !== undefined,
      correct,
      explanation: question.explanation,
    };
  });
  const correctCount = questions.filter((q) => q.correct).length;
  const total = questions.length;
  const score = Math.floor((correctCount * 100) / total);
  return { correctCount, total, score, passed: score >= module.passMark, questions };
}

function questionsDrawn(
  module: TrainingModule,
  drawnIds: readonly string[],
): Map<string, CourseQuestion> {
  if (drawnIds.length === 0) {
    throw new Error(`quiz of ${module.id}: no question drawn`);
  }
  const bank = new Map(module.questions.map((q) => [q.id, q]));
  const drawn = new Map<string, CourseQuestion>();
  for (const id of drawnIds) {
    const question = bank.get(id);
    if (!question) {
      throw new AppError(
        'conflict',
        `The course "${module.title}" changed since this quiz was drawn (question ${id} is gone): start the quiz again.`,
      );
    }
    if (drawn.has(id)) {
      throw new Error(`quiz of ${module.id}: question ${id} drawn twice`);
    }
    drawn.set(id, question);
  }
  return drawn;
}

function answersByQuestion(
  drawn: ReadonlyMap<string, CourseQuestion>,
  answers: readonly QuizAnswer[],
): Map<string, Set<string>> {
  const chosen = new Map<string, Set<string>>();
  const issues: FieldIssue[] = [];
  answers.forEach((answer, index) => {
    const problem = answerProblem(drawn.get(answer.questionId), answer, chosen);
    if (problem) {
      issues.push({ path: `body.answers.${index}`, message: problem });
    } else {
      chosen.set(answer.questionId, new Set(answer.optionIds));
    }
  });
  const [first] = issues;
  if (first) {
    throw new AppError('validation_failed', `${first.path} ${first.message}.`, issues);
  }
  return chosen;
}

function answerProblem(
  question: CourseQuestion | undefined,
  answer: QuizAnswer,
  chosen: ReadonlyMap<string, ReadonlySet<string>>,
): string | null {
  const name = `question ${answer.questionId}`;
  if (!question) {
    return `${name} is not in this quiz`;
  }
  if (chosen.has(question.id)) {
    return `${name} is answered twice`;
  }
  if (answer.optionIds.length === 0) {
    return `${name}: an answer chooses at least one option (leave the question out to skip it)`;
  }
  if (question.kind === 'single' && answer.optionIds.length > 1) {
    return `${name} takes one answer`;
  }
  const known = new Set(question.options.map((o) => o.id));
  const unknown = answer.optionIds.find((id) => !known.has(id));
  if (unknown !== undefined) {
    return `${name} has no option ${unknown}`;
  }
  if (new Set(answer.optionIds).size !== answer.optionIds.length) {
    return `${name}: an option is chosen twice`;
  }
  return null;
}

/** Uniform whole numbers below a bound, from SHA-256 of the seed and a counter (no modulo bias). */
function seededInts(seed: string): (bound: number) => number {
  let counter = 0;
  let block = Buffer.alloc(0);
  let offset = 0;
  return (bound) => {
    const limit = Math.floor(0x1_0000_0000 / bound) * bound;
    for (;;) {
      if (offset + 4 > block.length) {
        block = createHash('sha256').update(`${seed}\u0000${counter}`).digest();
        counter += 1;
        offset = 0;
      }
      const value = block.readUInt32BE(offset);
      offset += 4;
      if (value < limit) {
        return value % bound;
      }
    }
  };
}

/** A shuffled copy (Fisher–Yates). */
function shuffle<T>(items: readonly T[], next: (bound: number) => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = next(i + 1);
    const a = copy[i];
    const b = copy[j];
    if (a !== undefined && b !== undefined) {
      copy[i] = b;
      copy[j] = a;
    }
  }
  return copy;
}

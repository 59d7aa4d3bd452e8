import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { loadTrainingModules, type TrainingModule } from './content';
import { drawQuiz, scoreQuiz, type DrawnQuiz, type QuizAnswer } from './quiz';

const modules = loadTrainingModules();
const phishing = modules.find((m) => m.id === 'phishing');
if (!phishing) {
  throw new Error('the phishing module is missing');
}
const module: TrainingModule = phishing;

/** Every key of a type, at any depth, through arrays. */
type DeepKeys<T> = T extends readonly (infer U)[]
  ? DeepKeys<U>
  : T extends object
    ? { [K in keyof T]-?: K | DeepKeys<T[K]> }[keyof T]
    : never;

function rightAnswers(quiz: DrawnQuiz): QuizAnswer[] {
  return quiz.questions.map((q) => ({
    questionId: q.id,
    optionIds: bankQuestion(q.id)
      .options.filter((o) => o.correct)
      .map((o) => o.id),
  }));
}

function bankQuestion(id: string) {
  const question = module.questions.find((q) => q.id === id);
  if (!question) {
    throw new Error(`no question ${id}`);
  }
  return question;
}

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }
  throw new Error('nothing thrown');
}

describe('drawing a quiz', () => {
  it('has no place for a correct flag or an explanation in its type', () => {
    expectTypeOf<Extract<DeepKeys<DrawnQuiz>, 'correct' | 'explanation'>>().toEqualTypeOf<never>();
    // The check above can fail: the bank's own type does carry both.
    expectTypeOf<Extract<DeepKeys<TrainingModule>, 'correct' | 'explanation'>>().toEqualTypeOf<
      'correct' | 'explanation'
    >();
  });

  it('sends nothing of the answers at run time either', () => {
    for (const course of modules) {
      for (const seed of ['a', 'b', 'c']) {
        const quiz = drawQuiz(course, seed);
        const json = JSON.stringify(quiz);
        expect(json).not.toMatch(/"(correct|explanation)"/);
        for (const q of course.questions) {
          expect(json, `${course.id}/${q.id}`).not.toContain(JSON.stringify(q.explanation));
        }
        expect(Object.keys(quiz).sort()).toEqual(['moduleId', 'passMark', 'questions']);
        for (const q of quiz.questions) {
          expect(Object.keys(q).sort()).toEqual(['id', 'kind', 'options', 'prompt']);
          for (const option of q.options) {
            expect(Object.keys(option).sort()).toEqual(['id', 'text']);
          }
        }
      }
    }
  });

  it('draws quizLength distinct questions of the bank, each with all its options', () => {
    fc.assert(
      fc.property(fc.constantFrom(...modules), fc.string(), (course, seed) => {
        const quiz = drawQuiz(course, seed);
        expect(quiz.moduleId).toBe(course.id);
        expect(quiz.passMark).toBe(course.passMark);
        expect(quiz.questions).toHaveLength(course.quizLength);
        expect(new Set(quiz.questions.map((q) => q.id)).size).toBe(course.quizLength);
        for (const drawn of quiz.questions) {
          const banked = course.questions.find((q) => q.id === drawn.id);
          expect(banked?.prompt).toBe(drawn.prompt);
          expect(banked?.kind).toBe(drawn.kind);
          expect(drawn.options.map((o) => `${o.id} ${o.text}`).sort()).toEqual(
            banked?.options.map((o) => `${o.id} ${o.text}`).sort(),
          );
        }
      }),
    );
  });

  it('draws the same quiz for the same seed, and different quizzes across seeds', () => {
    expect(drawQuiz(module, 'attempt-1')).toEqual(drawQuiz(module, 'attempt-1'));
    const seeds = Array.from({ length: 400 }, (_, i) => `attempt-${i}`);
    const quizzes = seeds.map((seed) => drawQuiz(module, seed));
    const orders = new Set(quizzes.map((q) => q.questions.map((x) => x.id).join(',')));
    expect(orders.size).toBeGreaterThan(350);
    // Every question is drawn, and every option is shown first, somewhere in 400 draws.
    const drawn = new Set(quizzes.flatMap((q) => q.questions.map((x) => x.id)));
    expect(drawn.size).toBe(module.questions.length);
    const firstOptions = new Set(quizzes.flatMap((q) => q.questions.map((x) => x.options[0]?.id)));
    expect(firstOptions.size).toBe(module.questions.flatMap((q) => q.options).length);
    // The same seed draws differently for another module.
    const other = modules.find((m) => m.id !== module.id);
    expect(other && drawQuiz(other, 'attempt-1').questions.map((q) => q.id)).not.toEqual(
      quizzes[1]?.questions.map((q) => q.id),
    );
  });
});

describe('scoring a quiz', () => {
  const quiz = drawQuiz(module, 'seed-1');
  const ids = quiz.questions.map((q) => q.id);
  const single = quiz.questions.find((q) => q.kind === 'single');
  const multipleId = module.questions.find((q) => q.kind === 'multiple')?.id ?? '';
  const multiple = bankQuestion(multipleId);

  it('passes all right answers, with an explanation for each question', () => {
    const result = scoreQuiz(module, ids, rightAnswers(quiz));
    expect(result).toMatchObject({ correctCount: 8, total: 8, score: 100, passed: true });
    expect(result.questions.map((q) => q.id)).toEqual(ids);
    for (const q of result.questions) {
      expect(q).toEqual({
        id: q.id,
        answered: true,
        correct: true,
        explanation: bankQuestion(q.id).explanation,
      });
    }
  });

  it('passes at the pass mark and fails below it (80%: 7 of 8 passes, 6 of 8 fails)', () => {
    const answers = rightAnswers(quiz);
    const seven = scoreQuiz(module, ids, answers.slice(1));
    expect(seven).toMatchObject({ correctCount: 7, score: 87, passed: true });
    expect(seven.questions[0]).toMatchObject({ answered: false, correct: false });
    const six = scoreQuiz(module, ids, answers.slice(2));
    expect(six).toMatchObject({ correctCount: 6, score: 75, passed: false });
    const fiveOfSix = { ...module, quizLength: 5, passMark: 80 };
    const first5 = ids.slice(0, 5);
    expect(scoreQuiz(fiveOfSix, first5, answers.slice(1, 5))).toMatchObject({
      score: 80,
      passed: true,
    });
    expect(scoreQuiz(fiveOfSix, first5, answers.slice(2, 5)).passed).toBe(false);
  });

  it('counts a multiple-choice answer right only for exactly the right set', () => {
    const right = multiple.options.filter((o) => o.correct).map((o) => o.id);
    const wrong = multiple.options.filter((o) => !o.correct).map((o) => o.id);
    const score = (optionIds: string[]) =>
      scoreQuiz(module, [multipleId], [{ questionId: multipleId, optionIds }]).questions[0]
        ?.correct;
    expect(right.length).toBeGreaterThan(1);
    expect(score(right)).toBe(true);
    expect(score([...right].reverse())).toBe(true);
    expect(score(right.slice(1))).toBe(false);
    expect(score([...right, wrong[0] ?? ''])).toBe(false);
    expect(score(multiple.options.map((o) => o.id))).toBe(false);
  });

  it('refuses answers that do not fit the quiz, naming the question', () => {
    const [first = '', second = ''] = ids;
    const firstOption = bankQuestion(first).options[0]?.id ?? '';
    const notDrawn = module.questions.find((q) => !ids.includes(q.id) && q.id !== multipleId);
    const cases: [QuizAnswer[], string, string][] = [
      [
        [{ questionId: notDrawn?.id ?? '-', optionIds: [notDrawn?.options[0]?.id ?? ''] }],
        'body.answers.0',
        `question ${notDrawn?.id} is not in this quiz`,
      ],
      [
        [
          { questionId: first, optionIds: [firstOption] },
          { questionId: first, optionIds: [firstOption] },
        ],
        'body.answers.1',
        `question ${first} is answered twice`,
      ],
      [
        [{ questionId: first, optionIds: ['0000000000'] }],
        'body.answers.0',
        `question ${first} has no option 0000000000`,
      ],
      [
        // An option of another question is not an option of this one.
        [{ questionId: first, optionIds: [bankQuestion(second).options[0]?.id ?? ''] }],
        'body.answers.0',
        `question ${first} has no option ${bankQuestion(second).options[0]?.id}`,
      ],
      [
        [
          {
            questionId: multipleId,
            optionIds: [multiple.options[0]?.id ?? '', multiple.options[0]?.id ?? ''],
          },
        ],
        'body.answers.0',
        `question ${multipleId}: an option is chosen twice`,
      ],
      [
        [{ questionId: first, optionIds: [] }],
        'body.answers.0',
        `question ${first}: an answer chooses at least one option (leave the question out to skip it)`,
      ],
      [
        [{ questionId: single?.id ?? '', optionIds: single?.options.map((o) => o.id) ?? [] }],
        'body.answers.0',
        `question ${single?.id} takes one answer`,
      ],
    ];
    for (const [answers, path, message] of cases) {
      const drawn = answers.some((a) => a.questionId === multipleId) ? [...ids, multipleId] : ids;
      const error = thrown(() => scoreQuiz(module, [...new Set(drawn)], answers));
      expect(error.code).toBe('validation_failed');
      expect(error.details).toEqual([{ path, message }]);
      expect(error.message).toBe(`${path} ${message}.`);
    }
  });

  it('asks for a new draw when a drawn question has left the bank', () => {
    const error = thrown(() => scoreQuiz(module, [...ids, 'retired-question'], []));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('question retired-question is gone');
    expect(() => scoreQuiz(module, [], [])).toThrow(/no question drawn/);
    expect(() => scoreQuiz(module, [ids[0] ?? '', ids[0] ?? ''], [])).toThrow(/drawn twice/);
  });

  it('scores any answers as an independent count of exactly-right answers does', () => {
    const course = fc.constantFrom(...modules);
    fc.assert(
      fc.property(course, fc.string(), fc.array(fc.nat(), { minLength: 100 }), (m, seed, picks) => {
        const drawn = drawQuiz(m, seed);
        let next = 0;
        const pick = () => picks[next++ % picks.length] ?? 0;
        // Per question: skip, or choose a random non-empty subset (one option when single-choice).
        const answers: QuizAnswer[] = [];
        for (const q of drawn.questions) {
          if (pick() % 5 === 0) {
            continue;
          }
          const options = q.options.map((o) => o.id);
          const chosen =
            q.kind === 'single'
              ? [options[pick() % options.length] ?? '']
              : options.filter(() => pick() % 2 === 0);
          if (chosen.length > 0) {
            answers.push({ questionId: q.id, optionIds: chosen });
          }
        }
        const ids = drawn.questions.map((q) => q.id);
        const result = scoreQuiz(m, ids, answers);
        let right = 0;
        for (const answer of answers) {
          const key = m.questions
            .find((q) => q.id === answer.questionId)
            ?.options.filter((o) => o.correct)
            .map((o) => o.id)
            .sort();
          if (JSON.stringify(key) === JSON.stringify([...answer.optionIds].sort())) {
            right += 1;
          }
        }
        expect(result.correctCount).toBe(right);
        expect(result.total).toBe(m.quizLength);
        expect(result.passed).toBe(right / m.quizLength >= m.passMark / 100);
        expect(result.score).toBe(Math.floor((100 * right) / m.quizLength));
      }),
      { numRuns: 300 },
    );
  });
});

/** A question of the sample course: the first option right unless `marks` say otherwise. */
export function sampleQuestion(id: string, kind = 'single', marks = ['x', ' ', ' ']): string {
  const options = marks.map((mark, i) => `- [${mark}] Option ${i + 1} of ${id}`).join('\n');
  return `### ${id} (${kind})\n\nWhat about ${id}?\n\n${options}\n\nWhy: Because of ${id}.\n`;
}

/** A valid course file for tests: front matter on lines 2–10, pages from line 12, questions after. */
export function sampleCourse(overrides: { questions?: string[]; pages?: string } = {}): string {
  const questions =
    overrides.questions ?? Array.from({ length: 8 }, (_, i) => sampleQuestion(`q${i}`));
  return `---
id: sample
title: Sample course
summary: A sample course.
minutes: 10
passMark: 80
quizLength: 5
requirements:
  - 164.308(a)(5)
---

${overrides.pages ?? '## One\n\nFirst page.\n\n## Two\n\nSecond page.\n\n## Three\n\nThird page.'}

# Questions

${questions.join('\n')}`;
}

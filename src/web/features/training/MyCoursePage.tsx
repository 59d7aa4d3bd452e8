import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Progress,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { Quiz, QuizResultSchema } from '../../../contracts/training';
import { countOf } from '../../../contracts/words';
import type { z } from 'zod';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../components/format';
import { MarkdownView } from '../documents/MarkdownView';
import { StatusBadge } from './StatusBadge';

// A fieldset is at least as wide as its longest word (min-width: min-content), so a web address
// among the answers pushed the question past the card's edge at 390 px; long words wrap instead.
const FIT = { minWidth: 0 };
const WRAP = { label: { overflowWrap: 'anywhere' as const } };

type Result = z.infer<typeof QuizResultSchema>;

/** One course of mine: its pages, then its quiz, drawn and scored by the server (164.308(a)(5)). */
export function MyCoursePage() {
  const org = useActiveOrg();
  const { personTrainingId = '' } = useParams();
  const params = org ? { orgId: org.orgId, personTrainingId } : null;
  const course = useApiQuery(api.training.myCourse, params ? [params] : null);
  const [page, setPage] = useState(0);
  const [quiz, setQuiz] = useState<Quiz | null>(null);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<Result | null>(null);
  const start = useApiMutation(api.training.startQuiz, {
    onSuccess: (drawn) => {
      setQuiz(drawn);
      setAnswers({});
      setResult(null);
    },
  });
  const submit = useApiMutation(api.training.submitQuiz, {
    onSuccess: (answer) => {
      setResult(answer);
      setQuiz(null);
      window.scrollTo({ top: 0 });
    },
  });
  if (!org || !params) return <NoOrganization />;
  const c = course.data;
  if (!c) {
    return course.isError ? (
      <ErrorNotice error={course.error} onRetry={() => void course.refetch()} />
    ) : null;
  }
  const open = quiz ?? c.openQuiz;
  const pages = c.pages;
  const onQuizStep = page >= pages.length;
  const answered = open ? open.questions.filter((q) => (answers[q.id] ?? []).length > 0).length : 0;
  return (
    <>
      <PageHeader
        title={c.course.title}
        description={c.summary || 'A security awareness course assigned to you.'}
      />
      <Stack gap="md" maw={860}>
        <Group gap="sm">
          <StatusBadge status={c.status} />
          <Text size="sm">
            {c.completedOn
              ? `Completed on ${formatDate(c.completedOn)}${c.score === null ? '' : ` with ${c.score}%`}.`
              : `Due by ${formatDate(c.dueOn)}.`}
          </Text>
        </Group>
        {c.hasCertificate ? (
          <Card withBorder padding="md">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">Your certificate is kept as evidence of your training.</Text>
              <Button component="a" href={api.training.myCertificate(params)} variant="light">
                Download my certificate
              </Button>
            </Group>
          </Card>
        ) : null}
        {result ? (
          <Alert
            color={result.passed ? 'blue' : 'red'}
            title={result.passed ? 'Passed' : 'Not passed yet'}
            role="status"
          >
            <Text size="sm">
              You answered {result.correctCount} of {countOf(result.total, 'question')} correctly (
              {result.score}%; the pass mark is {result.passMark}%).
              {result.passed
                ? ' Your certificate is ready.'
                : ' Read the explanations, then take the quiz again: you get new questions.'}
            </Text>
            <Stack gap={4} mt="xs">
              {result.questions.map((q, index) => (
                <Text key={q.id} size="sm">
                  {index + 1}. {q.correct ? 'Right' : q.answered ? 'Wrong' : 'Not answered'}:{' '}
                  {q.explanation}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        {c.course.kind === 'external' ? (
          <Card withBorder padding="lg">
            <Stack gap="sm">
              {c.url ? (
                <Anchor href={c.url} target="_blank" rel="noreferrer noopener">
                  Open the course
                </Anchor>
              ) : null}
              <Text size="sm">
                This course is taken outside Custos. When you have completed it, your manager or the
                Security Official records it here and your certificate appears.
              </Text>
            </Stack>
          </Card>
        ) : null}
        {c.course.kind === 'module' && c.status !== 'passed' && !onQuizStep && !open ? (
          <Card withBorder padding="lg">
            <Text size="xs" c="dimmed" mb="xs">
              Page {page + 1} of {pages.length}
            </Text>
            <Progress.Root size="sm" mb="md">
              <Progress.Section
                value={((page + 1) * 100) / (pages.length + 1)}
                aria-label="Progress through the course"
              />
            </Progress.Root>
            <Title order={2} size="h3" mb="sm">
              {pages[page]?.title}
            </Title>
            <MarkdownView markdown={pages[page]?.body ?? ''} />
            <Group justify="space-between" mt="lg">
              <Button variant="default" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <Button onClick={() => setPage(page + 1)}>
                {page + 1 === pages.length ? 'Go to the quiz' : 'Next'}
              </Button>
            </Group>
          </Card>
        ) : null}
        {c.course.kind === 'module' && c.status !== 'passed' && (onQuizStep || open) && !open ? (
          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Text size="sm">
                The quiz draws questions from the course's bank. You pass with {c.passMark}% or
                more; if you do not, you can read the pages again and take a new quiz.
              </Text>
              {start.isError ? <MutationError error={start.error} action="start the quiz" /> : null}
              <Group>
                <Button variant="default" onClick={() => setPage(0)}>
                  Read the pages again
                </Button>
                <Button loading={start.isPending} onClick={() => start.mutate([params])}>
                  {c.failedAttempts > 0 || result ? 'Take the quiz again' : 'Start the quiz'}
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : null}
        {open && c.status !== 'passed' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit.mutate([
                { ...params, attemptId: open.attemptId },
                {
                  answers: open.questions
                    .filter((q) => (answers[q.id] ?? []).length > 0)
                    .map((q) => ({ questionId: q.id, optionIds: answers[q.id] ?? [] })),
                },
              ]);
            }}
          >
            <Stack gap="md">
              {open.questions.map((q, index) =>
                q.kind === 'single' ? (
                  <Card key={q.id} withBorder padding="md">
                    <Radio.Group
                      style={FIT}
                      label={`${index + 1}. ${q.prompt}`}
                      value={answers[q.id]?.[0] ?? null}
                      onChange={(v) => setAnswers({ ...answers, [q.id]: [v] })}
                    >
                      <Stack gap={6} mt="xs">
                        {q.options.map((o) => (
                          <Radio key={o.id} value={o.id} label={o.text} styles={WRAP} />
                        ))}
                      </Stack>
                    </Radio.Group>
                  </Card>
                ) : (
                  <Card key={q.id} withBorder padding="md">
                    <Checkbox.Group
                      style={FIT}
                      label={`${index + 1}. ${q.prompt}`}
                      description="Choose every answer that applies."
                      value={answers[q.id] ?? []}
                      onChange={(v) => setAnswers({ ...answers, [q.id]: v })}
                    >
                      <Stack gap={6} mt="xs">
                        {q.options.map((o) => (
                          <Checkbox key={o.id} value={o.id} label={o.text} styles={WRAP} />
                        ))}
                      </Stack>
                    </Checkbox.Group>
                  </Card>
                ),
              )}
              {submit.isError ? <MutationError error={submit.error} action="submit" /> : null}
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {answered} of {countOf(open.questions.length, 'question')} answered
                </Text>
                <Button type="submit" loading={submit.isPending}>
                  Submit my answers
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </>
  );
}

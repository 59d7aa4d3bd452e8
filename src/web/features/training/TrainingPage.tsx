import { Anchor, Button, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../contracts/roles';
import { TRAINING_FREQUENCY_LABELS } from '../../../contracts/training';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDate } from '../../components/format';
import { AssignDialog } from './AssignDialog';
import { PersonRates } from './PersonRates';
import { RateTable } from './RateTable';
import { CourseDialog } from './CourseDialog';
import { RecordCompletionDialog } from './RecordCompletionDialog';
import { StatusBadge } from './StatusBadge';

type View = 'courses' | 'departments' | 'people' | 'assignments' | 'records';
const VIEWS: { value: View; label: string }[] = [
  { value: 'courses', label: 'By course' },
  { value: 'departments', label: 'By department' },
  { value: 'people', label: 'By person' },
  { value: 'assignments', label: 'Assignments' },
  { value: 'records', label: 'Records' },
];

/** Security awareness training (164.308(a)(5)): completion, assignments, each person's records. */
export function TrainingPage() {
  const org = useActiveOrg();
  const [view, setView] = useState<View>('courses');
  const narrow = useMediaQuery('(max-width: 36em)');
  const [dialog, setDialog] = useState<'assign' | 'course' | null>(null);
  const [recording, setRecording] = useState<{ id: string; title: string } | null>(null);
  const orgParams: [{ orgId: string }] | null = org ? [{ orgId: org.orgId }] : null;
  const completion = useApiQuery(api.training.completion, orgParams);
  const assignments = useApiQuery(api.training.assignments, orgParams);
  const [recordPages, setRecordPages] = useState<string[]>([]);
  const recordCursor = recordPages.at(-1);
  // Read when shown: 20,000 people × 8 courses are 160,000 records, sent 100 at a time.
  const records = useApiQuery(
    api.training.records,
    org ? [{ orgId: org.orgId }, recordCursor ? { cursor: recordCursor } : {}] : null,
    { enabled: view === 'records' },
  );
  const end = useApiMutation(api.training.endAssignment);
  if (!org) return <NoOrganization />;
  const mayManage = can(org.role, api.training.assign);
  const mayRecord = can(org.role, api.training.recordCompletion);
  const report = completion.data;
  return (
    <>
      <PageHeader
        title="Training"
        description="Security awareness training (164.308(a)(5)): the built-in courses and your own, who must take them and by when, and who has completed them."
      />
      {completion.isError ? (
        <ErrorNotice error={completion.error} onRetry={() => void completion.refetch()} />
      ) : null}
      <Stack gap="md" maw={1100}>
        <Group justify="space-between" wrap="wrap">
          <Card withBorder padding="sm">
            <Text size="sm" fw={600} data-testid="training-overall">
              {report && report.overall.rate !== null
                ? `${report.overall.rate}% completed: ${report.overall.completed} of ${report.overall.assigned} assigned`
                : 'No training assigned yet'}
              {report && report.overall.overdue > 0 ? `, ${report.overall.overdue} overdue` : ''}
            </Text>
          </Card>
          <Group gap="xs">
            {mayManage ? (
              <>
                <Button onClick={() => setDialog('assign')}>Assign training</Button>
                <Button variant="default" onClick={() => setDialog('course')}>
                  Add an external course
                </Button>
              </>
            ) : null}
            <Button
              component="a"
              variant="default"
              href={api.training.exportHistory({ orgId: org.orgId }, {})}
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              History CSV
            </Button>
          </Group>
        </Group>
        <SegmentedControl
          // Five views do not fit across a phone: one under another there.
          orientation={narrow ? 'vertical' : 'horizontal'}
          fullWidth={narrow}
          value={view}
          onChange={(v) => setView(VIEWS.find((x) => x.value === v)?.value ?? 'courses')}
          data={VIEWS}
        />
        {end.isError ? <MutationError error={end.error} action="end the assignment" /> : null}
        {view === 'courses' && report ? (
          <RateTable
            label="Completion by course"
            heading="Course"
            rows={report.courses.map((c) => ({ key: c.course.id, name: c.course.name, rate: c }))}
          />
        ) : null}
        {view === 'departments' && report ? (
          <RateTable
            label="Completion by department"
            heading="Department"
            rows={report.departments.map((d) => ({
              key: d.department?.id ?? 'none',
              name: d.department?.name ?? 'No department',
              rate: d,
            }))}
          />
        ) : null}
        {view === 'people' && report ? (
          <PersonRates
            orgId={org.orgId}
            departments={report.departments.map((d) => d.department)}
          />
        ) : null}
        {view === 'assignments' ? (
          <ScrollTable label="Assignments" stack minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Course</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>How often</Table.Th>
                <Table.Th>Completed</Table.Th>
                <Table.Th>Overdue</Table.Th>
                {mayManage ? <Table.Th>Action</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(assignments.data?.data ?? []).map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.course.title}</Table.Td>
                  <Table.Td data-label="Who">
                    {[
                      ...a.roles.map((r) => ROLE_LABELS[r]),
                      ...a.departments.map((d) => d.name),
                      ...a.people.map((p) => p.name),
                    ].join(', ')}
                  </Table.Td>
                  <Table.Td data-label="How often">
                    {TRAINING_FREQUENCY_LABELS[a.frequency]}, within {countOf(a.dueDays, 'day')}
                  </Table.Td>
                  <Table.Td data-label="Completed">
                    {a.completed} of {a.assigned}
                  </Table.Td>
                  <Table.Td data-label="Overdue">{a.overdue}</Table.Td>
                  {mayManage ? (
                    <Table.Td data-label="Action">
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red.9"
                        loading={end.isPending}
                        onClick={() => end.mutate([{ orgId: org.orgId, assignmentId: a.id }])}
                      >
                        End
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
        {view === 'records' ? (
          <>
            <ScrollTable label="Training records" stack minWidth={860}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Person</Table.Th>
                  <Table.Th>Course</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Completed</Table.Th>
                  <Table.Th>Certificate</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(records.data?.data ?? []).map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.person.name}</Table.Td>
                    <Table.Td data-label="Course">{r.course.title}</Table.Td>
                    <Table.Td data-label="Status">
                      <StatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td data-label="Due">{formatDate(r.dueOn)}</Table.Td>
                    <Table.Td data-label="Completed">
                      {r.completedOn
                        ? `${formatDate(r.completedOn)}${r.score === null ? '' : `, ${r.score}%`}`
                        : '—'}
                    </Table.Td>
                    <Table.Td data-label="Certificate">
                      {r.hasCertificate ? (
                        <Anchor
                          size="sm"
                          href={api.training.certificate({
                            orgId: org.orgId,
                            personTrainingId: r.id,
                          })}
                        >
                          PDF
                        </Anchor>
                      ) : !r.takesQuiz && r.status !== 'passed' && mayRecord ? (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() =>
                            setRecording({ id: r.id, title: `${r.course.title}, ${r.person.name}` })
                          }
                        >
                          Record completion
                        </Button>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                size="xs"
                disabled={recordPages.length === 0}
                onClick={() => setRecordPages(recordPages.slice(0, -1))}
              >
                Previous
              </Button>
              <Button
                variant="default"
                size="xs"
                disabled={!records.data?.nextCursor}
                onClick={() => {
                  const next = records.data?.nextCursor;
                  if (next) setRecordPages([...recordPages, next]);
                }}
              >
                Next
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
      {dialog === 'assign' ? (
        <AssignDialog orgId={org.orgId} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'course' ? (
        <CourseDialog orgId={org.orgId} onClose={() => setDialog(null)} />
      ) : null}
      {recording ? (
        <RecordCompletionDialog
          orgId={org.orgId}
          training={recording}
          onClose={() => setRecording(null)}
        />
      ) : null}
    </>
  );
}

import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import {
  HHS_NOTICE_KIND_LABELS,
  US_JURISDICTION_CODE_LABELS,
  type BreachDeadlines as Deadlines,
} from '../../../contracts/breach-deadlines';
import { calendarDaysBetween } from '../../../contracts/calendar-date';
import type { NoticeProgress } from '../../../contracts/breach-notice-schemas';
import { countOf } from '../../../contracts/words';
import { formatDate } from '../../components/format';
import { ScrollTable } from '../../components/ScrollTable';
import { useOrgTime } from '../../components/useOrgTime';

/** Days left to a deadline in words, with a colour: overdue red, a week or less orange. */
export function daysLeft(today: string, by: string): { text: string; color: string } {
  const days = calendarDaysBetween(today, by);
  if (days < 0) return { text: `${countOf(-days, 'day')} overdue`, color: 'red' };
  if (days === 0) return { text: 'Due today', color: 'red' };
  return { text: `${countOf(days, 'day')} left`, color: days <= 7 ? 'orange' : 'blue' };
}

const STATE_NAMES = new Map<string, string>(Object.entries(US_JURISDICTION_CODE_LABELS));

interface Row {
  notice: string;
  by: string;
  cite: string;
  /** Once sent: "Sent on …, to N people", and what remains. */
  sent?: string | null;
}

/** The notices a breach makes due, each with its date and the days left (the deadline engine's). */
export function BreachDeadlines({
  deadlines,
  progress,
}: {
  deadlines: Deadlines;
  progress?: NoticeProgress | null | undefined;
}) {
  const time = useOrgTime();
  const today = time.today();
  const rows: Row[] = [];
  if (deadlines.individualNoticeBy) {
    rows.push({
      notice: 'Notice to each person affected',
      by: deadlines.individualNoticeBy,
      cite: '164.404',
      sent: individualsSent(progress),
    });
  }
  if (deadlines.mediaNoticeBy) {
    const states = deadlines.mediaNoticeRequiredStates
      .map((s) => STATE_NAMES.get(s) ?? s)
      .join(', ');
    rows.push({
      notice: `Notice to the media in ${states}`,
      by: deadlines.mediaNoticeBy,
      cite: '164.406',
      sent: mediaSent(progress),
    });
  }
  if (deadlines.hhsNotice && deadlines.hhsNoticeBy) {
    rows.push({
      notice: `Notice to HHS: ${HHS_NOTICE_KIND_LABELS[deadlines.hhsNotice].toLowerCase()}`,
      by: deadlines.hhsNoticeBy,
      cite: '164.408',
      sent: progress?.hhs ? `Sent on ${formatDate(progress.hhs)}` : null,
    });
  }
  if (deadlines.businessAssociateNoticeToCoveredEntityBy) {
    rows.push({
      notice: 'Notice to the covered entity',
      by: deadlines.businessAssociateNoticeToCoveredEntityBy,
      cite: '164.410',
      sent: progress?.coveredEntity ? `Sent on ${formatDate(progress.coveredEntity)}` : null,
    });
  }
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No notice is due.
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <ScrollTable label="Notice deadlines" minWidth={420} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Notice</Table.Th>
            <Table.Th>Due by</Table.Th>
            <Table.Th>Days left or sent</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const left = daysLeft(today, row.by);
            return (
              <Table.Tr key={row.notice}>
                <Table.Td>
                  <Text size="sm">{row.notice}</Text>
                  <Text size="xs" c="dimmed">
                    {row.cite}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDate(row.by)}</Table.Td>
                <Table.Td>
                  {row.sent && !row.sent.includes('still to') ? (
                    <Text size="sm">{row.sent}</Text>
                  ) : (
                    <Stack gap={2}>
                      <Group gap={4}>
                        <Badge variant="dot" color={left.color}>
                          {left.text}
                        </Badge>
                      </Group>
                      {row.sent ? <Text size="xs">{row.sent}</Text> : null}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
      <Text size="xs" c="dimmed">
        Outer limits counted from discovery; notices are due without unreasonable delay. Citations
        of Subpart D are to be checked.
      </Text>
    </Stack>
  );
}

/** The individual notice once sent: to how many, and how many remain. */
function individualsSent(progress: NoticeProgress | null | undefined): string | null {
  const p = progress?.individuals;
  if (!p?.lastSentOn) return null;
  const sent = `Sent on ${formatDate(p.lastSentOn)}, to ${countOf(p.reached, 'person', 'people')}`;
  return p.remaining > 0
    ? `${sent}; ${countOf(p.remaining, 'person', 'people')} still to notify`
    : sent;
}

/** The media notice once sent in every State that needs it; else which are still to notify. */
function mediaSent(progress: NoticeProgress | null | undefined): string | null {
  if (!progress) return null;
  const entries = Object.entries(progress.media);
  const sent = entries.flatMap(([, on]) => (on ? [on] : [])).sort();
  if (sent.length === 0) return null;
  const left = entries.filter(([, on]) => on === null).map(([s]) => STATE_NAMES.get(s) ?? s);
  const last = `Sent on ${formatDate(sent.at(-1) ?? '')}`;
  return left.length > 0 ? `${last}; ${left.join(', ')} still to notify` : last;
}

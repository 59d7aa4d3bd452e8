import { Table, Text } from '@mantine/core';
import type { Rate } from '../../../contracts/training';
import { ScrollTable } from '../../components/ScrollTable';

const percent = (r: Rate) => (r.rate === null ? '—' : `${r.rate}%`);

/** Completion rates, one row per course, department or person. */
export function RateTable(props: {
  label: string;
  heading: string;
  rows: { key: string; name: string; detail?: string; rate: Rate }[];
}) {
  return (
    <ScrollTable label={props.label} stack minWidth={560}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{props.heading}</Table.Th>
          <Table.Th>Completed</Table.Th>
          <Table.Th>Rate</Table.Th>
          <Table.Th>Overdue</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>
              {row.name}
              {row.detail ? (
                <Text size="xs" c="dimmed">
                  {row.detail}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td data-label="Completed">
              {row.rate.completed} of {row.rate.assigned}
            </Table.Td>
            <Table.Td data-label="Rate">{percent(row.rate)}</Table.Td>
            <Table.Td data-label="Overdue">
              <Text size="sm" {...(row.rate.overdue > 0 ? { c: 'red.9' } : {})}>
                {row.rate.overdue}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

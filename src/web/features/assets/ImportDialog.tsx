import { ScrollTable } from '../../components/ScrollTable';
import { Alert, Anchor, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import {
  ASSET_IMPORT_COLUMNS,
  ASSET_KIND_LABELS,
  CRITICALITY_LABELS,
  EPHI_ROLE_LABELS,
} from '../../../contracts/assets';
import { api } from '../../api';
import { useApiMutation } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { countOf, plural } from '../../components/format';

/** A CSV holding only the header row the import takes (server: features/assets/import.ts). */
const TEMPLATE = `data:text/csv;charset=utf-8,${encodeURIComponent(`${ASSET_IMPORT_COLUMNS.join(',')}\r\n`)}`;

/** Imports assets from CSV or XLSX: a preview with every problem first, then all rows or none. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const org = useActiveOrg();
  const [file, setFile] = useState<File | null>(null);
  const params = { orgId: org?.orgId ?? '' };
  const preview = useApiMutation(api.assets.import);
  const commit = useApiMutation(api.assets.import);
  const result = preview.data;
  return (
    <Modal opened onClose={onClose} title="Import assets" size="xl">
      <Stack gap="sm">
        <Text size="sm">
          A CSV (UTF-8, or Excel&apos;s Unicode Text) or XLSX file with a header row, at most 20,000
          rows. Columns: {ASSET_IMPORT_COLUMNS.join(', ')}. Only kind and name are required; an
          exported inventory can be edited and imported again.
        </Text>
        <Anchor href={TEMPLATE} download="custos-asset-import-template.csv" size="sm">
          Download a template (CSV with the header row)
        </Anchor>
        <FileInput
          label="File"
          accept=".csv,.txt,.xlsx,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            preview.reset();
            commit.reset();
            if (f) preview.mutate([params, f, { mode: 'preview' }]);
          }}
          clearable
        />
        {preview.error ? (
          <Alert color="red" variant="light" role="alert">
            {preview.error.message}
          </Alert>
        ) : null}
        {result && !commit.isSuccess ? (
          result.valid ? (
            <Alert color="teal" variant="light" role="status">
              {countOf(result.rows, 'row')} {plural(result.rows, 'is', 'are')} ready to import.
            </Alert>
          ) : (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={`Nothing will be imported: ${countOf(result.problems.length, 'problem')}`}
            >
              <ScrollTable label="Problems in the file" minWidth={480}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Row</Table.Th>
                    <Table.Th>Line</Table.Th>
                    <Table.Th>Column</Table.Th>
                    <Table.Th>Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.problems.map((p) => (
                    <Table.Tr key={`${p.row}-${p.field}`}>
                      <Table.Td>{p.row}</Table.Td>
                      <Table.Td>{p.line}</Table.Td>
                      <Table.Td>{p.field}</Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            </Alert>
          )
        ) : null}
        {result && result.preview.length > 0 && !commit.isSuccess ? (
          <ScrollTable label="Preview of the import" minWidth={640} striped={false} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>ePHI</Table.Th>
                <Table.Th>Criticality</Table.Th>
                <Table.Th>Owner</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.preview.slice(0, 10).map((a, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{ASSET_KIND_LABELS[a.kind]}</Table.Td>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>
                    {(a.ephiRoles ?? []).map((r) => EPHI_ROLE_LABELS[r]).join(', ') || 'None'}
                  </Table.Td>
                  <Table.Td>{CRITICALITY_LABELS[a.criticality ?? 'moderate']}</Table.Td>
                  <Table.Td>{a.ownerEmail ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
        {commit.isSuccess ? (
          <Alert color="teal" variant="light" role="status">
            Imported {countOf(commit.data.imported, 'asset')}.
          </Alert>
        ) : null}
        {commit.error ? (
          <Alert color="red" variant="light" role="alert">
            {commit.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {commit.isSuccess ? 'Close' : 'Cancel'}
          </Button>
          {!commit.isSuccess ? (
            <Button
              disabled={!file || !result?.valid}
              loading={commit.isPending}
              onClick={() => {
                if (file) commit.mutate([params, file, { mode: 'commit' }]);
              }}
            >
              {result?.valid ? `Import ${countOf(result.rows, 'asset')}` : 'Import assets'}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';

type Files = { base: string } | { files: { csv: string; xlsx: string } };

/**
 * CSV and Excel downloads (plain links: the cookie goes along): the addresses of `files` (file
 * operations of the typed client), or `${base}.csv` and `${base}.xlsx`.
 */
export function ExportButtons(props: Files & { label?: string }) {
  const label = props.label ?? '';
  return (
    <>
      {(
        [
          ['csv', 'CSV'],
          ['xlsx', 'Excel'],
        ] as const
      ).map(([format, name]) => (
        <Button
          key={format}
          component="a"
          href={'files' in props ? props.files[format] : `${props.base}.${format}`}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {label ? `${label} ${name}` : name}
        </Button>
      ))}
    </>
  );
}

import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';

type Format = 'csv' | 'xlsx';

/**
 * CSV and Excel downloads (plain links: the cookie goes along): the addresses given, e.g. by the
 * typed client's file links, or `${base}.csv` and `${base}.xlsx`.
 */
export function ExportButtons(
  props: { label?: string } & ({ base: string } | Readonly<Record<Format, string>>),
) {
  const label = props.label ?? '';
  const href = (format: Format) => ('base' in props ? `${props.base}.${format}` : props[format]);
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
          href={href(format)}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {label ? `${label} ${name}` : name}
        </Button>
      ))}
    </>
  );
}

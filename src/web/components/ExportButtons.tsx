import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';

/** CSV and Excel downloads of `${base}.csv` and `${base}.xlsx` (plain links: the cookie goes along). */
export function ExportButtons({ base, label = '' }: { base: string; label?: string }) {
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
          href={`${base}.${format}`}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {label ? `${label} ${name}` : name}
        </Button>
      ))}
    </>
  );
}

import { Badge, Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { Level } from '../../../contracts/risk';

/** A level of risk as a badge: its colour as the dot, its label as text (AA contrast). */
export function LevelBadge({ level }: { level: Level | null }) {
  if (!level) {
    return (
      <Badge variant="outline" color="gray" size="sm">
        Unrated
      </Badge>
    );
  }
  return (
    <Badge
      variant="dot"
      size="sm"
      color={level.color}
      style={{ overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {level.label}
    </Badge>
  );
}

/** Starts a file download of an API address (the session cookie goes with it). */
export function download(path: string) {
  const a = document.createElement('a');
  a.href = path;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}

/** CSV and XLSX download buttons for `${base}/export.csv|xlsx`. */
export function ExportButtons({ base }: { base: string }) {
  return (
    <>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => download(`${base}/export.${format}`)}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </>
  );
}

import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { HeatMap as HeatMapData } from '../../../contracts/risks';
import type { RiskSummary } from '../../../contracts/risk-assessments';
import { useOrgTime } from '../../components/useOrgTime';

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
function inkOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  return luminance > 0.18 ? '#000000' : '#ffffff';
}

/**
 * Open risks on the matrix: rows are likelihood (highest on top), columns impact. A cell with
 * risks is a button that filters the register to its level.
 */
export function HeatMapGrid(props: {
  title: string;
  data: HeatMapData;
  counts: number[][];
  onPick?: (level: number) => void;
}) {
  const { matrix } = props.data;
  const rows = matrix.likelihood.map((_, l) => l).reverse();
  return (
    <Stack gap={4} role="group" aria-label={props.title} maw="100%">
      <Text fw={600} size="sm">
        {props.title}
      </Text>
      <Group gap={0} wrap="nowrap" align="stretch">
        <Text
          size="xs"
          c="dimmed"
          style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)' }}
          ta="center"
        >
          Likelihood
        </Text>
        <Box
          style={{
            display: 'grid',
            // Narrower cells on a phone, rather than a matrix cut off at the screen's edge; the
            // likelihood column is never narrower than its longest word.
            gridTemplateColumns: `min-content repeat(${matrix.impact.length}, minmax(34px, 64px))`,
            gap: 2,
            minWidth: 0,
            flex: '1 1 auto',
          }}
        >
          {rows.map((l) => (
            <Box key={l} style={{ display: 'contents' }}>
              <Text
                size="xs"
                c="dimmed"
                ta="right"
                pr={6}
                style={{ alignSelf: 'center', overflowWrap: 'normal' }}
              >
                {matrix.likelihood[l]}
              </Text>
              {matrix.impact.map((_, i) => {
                const levelIndex = matrix.cells[l]?.[i] ?? 0;
                const level = matrix.levels[levelIndex];
                const count = props.counts[l]?.[i] ?? 0;
                const color = level?.color ?? '#ffffff';
                const label = `${count} open risk${count === 1 ? '' : 's'}: likelihood ${matrix.likelihood[l] ?? ''}, impact ${matrix.impact[i] ?? ''}, level ${level?.label ?? ''}`;
                const cell = (
                  <Box
                    h={40}
                    style={{
                      background: color,
                      color: inkOn(color),
                      display: 'grid',
                      placeItems: 'center',
                      fontWeight: 700,
                      borderRadius: 3,
                    }}
                  >
                    {count > 0 ? count : ''}
                  </Box>
                );
                return count > 0 && props.onPick ? (
                  <UnstyledButton
                    key={i}
                    aria-label={label}
                    onClick={() => props.onPick?.(levelIndex)}
                  >
                    {cell}
                  </UnstyledButton>
                ) : (
                  <Box key={i} aria-label={count > 0 ? label : undefined}>
                    {cell}
                  </Box>
                );
              })}
            </Box>
          ))}
          <Box />
          {matrix.impact.map((label) => (
            // Words break only between them ("Very / High"); a word wider than a phone's column
            // ("Moderate") stays whole, centred over it, into the gaps beside its short neighbours.
            <Text
              key={label}
              size="xs"
              c="dimmed"
              ta="center"
              lh={1.1}
              style={{ display: 'flex', justifyContent: 'center', overflowWrap: 'normal' }}
            >
              {label}
            </Text>
          ))}
        </Box>
      </Group>
      <Text size="xs" c="dimmed" ta="center">
        Impact
      </Text>
    </Stack>
  );
}

/** Open risks by level in each approved assessment, oldest first, as stacked bars. */
export function Trend({ trend }: { trend: RiskSummary['trend'] }) {
  const time = useOrgTime();
  if (trend.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The trend appears once an assessment is approved.
      </Text>
    );
  }
  const max = Math.max(1, ...trend.map((t) => t.levels.reduce((s, l) => s + l.count, 0)));
  return (
    <Stack gap={6} role="group" aria-label="Trend across approved assessments">
      <Text fw={600} size="sm">
        Trend across approved assessments
      </Text>
      {trend.map((point) => (
        <Group key={point.assessmentId} gap="xs" wrap="nowrap">
          <Text size="xs" w={{ base: 96, sm: 150 }}>
            {point.reference} · {time.day(point.approvedAt)}
          </Text>
          <Group gap={0} wrap="nowrap" style={{ flex: 1 }}>
            {point.levels
              .filter((l) => l.count > 0)
              .reverse()
              .map((l) => (
                <Box
                  key={l.label}
                  h={18}
                  w={`${(l.count / max) * 100}%`}
                  style={{ background: l.color }}
                  title={`${l.label}: ${l.count}`}
                  role="img"
                  aria-label={`${l.label}: ${l.count}`}
                />
              ))}
          </Group>
          <Text size="xs" c="dimmed">
            {point.levels.reduce((s, l) => s + l.count, 0)} open
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

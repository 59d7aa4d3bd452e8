import { SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Diff } from '../../../contracts/documents';

type Part = Diff['body'][number];

const STYLE: Record<Part['change'], React.CSSProperties> = {
  same: {},
  added: { background: 'light-dark(#d3f9d8, #1b4332)', textDecoration: 'none' },
  removed: { background: 'light-dark(#ffe3e3, #5c1a1a)', textDecoration: 'line-through' },
};
const WORD: Record<Part['change'], string> = { same: '', added: 'Added: ', removed: 'Removed: ' };

function Lines({ parts }: { parts: readonly Part[] }) {
  return (
    <pre style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 13 }}>
      {parts.map((part, index) =>
        part.change === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : (
          // The words say what colour shows, for screen readers (and printing without colour).
          <span key={index} style={STYLE[part.change]}>
            <span className="visually-hidden" style={{ position: 'absolute', left: -9999 }}>
              {WORD[part.change]}
            </span>
            {part.text}
          </span>
        ),
      )}
    </pre>
  );
}

/** What changed between two versions, line by line: inline, or the two sides next to each other. */
export function DiffView({ diff }: { diff: Diff }) {
  const [mode, setMode] = useState('inline');
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="Show the changes"
        value={mode}
        onChange={setMode}
        data={[
          { value: 'inline', label: 'Inline' },
          { value: 'side', label: 'Side by side' },
        ]}
        w="fit-content"
      />
      {mode === 'inline' ? (
        <Lines parts={diff.body} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Version {diff.from.number}
            </Text>
            <Lines parts={diff.body.filter((p) => p.change !== 'added')} />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Version {diff.to.number}
            </Text>
            <Lines parts={diff.body.filter((p) => p.change !== 'removed')} />
          </Stack>
        </SimpleGrid>
      )}
    </Stack>
  );
}

import { Button, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useRef } from 'react';
import { MarkdownView } from './MarkdownView';

const TOOLS: readonly {
  label: string;
  name: string;
  before: string;
  after: string;
  line?: true;
}[] = [
  { label: 'B', name: 'Bold', before: '**', after: '**' },
  { label: 'I', name: 'Italic', before: '*', after: '*' },
  { label: 'H2', name: 'H2 heading', before: '## ', after: '', line: true },
  { label: '•', name: 'Bulleted list', before: '- ', after: '', line: true },
  { label: '1.', name: '1. Numbered list', before: '1. ', after: '', line: true },
];

/**
 * The policy editor: Markdown in a textarea with a small toolbar, and the page as it will read
 * beside it (below it on a phone). Markdown is what we store, hash and export; a rich-text editor
 * (Mantine's tiptap) stores HTML, which we would have to convert back on every save.
 */
export function MarkdownEditor(props: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const apply = (tool: (typeof TOOLS)[number]) => {
    const element = area.current;
    if (!element) return;
    const { selectionStart: start, selectionEnd: end, value } = element;
    const from = tool.line ? value.lastIndexOf('\n', start - 1) + 1 : start;
    const next = tool.line
      ? `${value.slice(0, from)}${tool.before}${value.slice(from)}`
      : `${value.slice(0, start)}${tool.before}${value.slice(start, end)}${tool.after}${value.slice(end)}`;
    props.onChange(next);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(end + tool.before.length, end + tool.before.length);
    });
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Stack gap={4}>
        <Group gap={4} role="toolbar" aria-label="Formatting">
          {TOOLS.map((tool) => (
            <Button
              key={tool.name}
              size="compact-sm"
              variant="default"
              aria-label={tool.name}
              title={tool.name}
              onClick={() => apply(tool)}
            >
              {tool.label}
            </Button>
          ))}
        </Group>
        <Textarea
          ref={area}
          label="Text (Markdown)"
          autosize
          minRows={16}
          maxRows={40}
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
          error={props.error}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Preview
        </Text>
        <MarkdownView markdown={props.value} />
      </Stack>
    </SimpleGrid>
  );
}

import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import { markdownHtml } from '../../components/markdown';

/** A policy's text as it reads: markdown-it without raw HTML (components/markdown.ts). */
export function MarkdownView({ markdown }: { markdown: string }) {
  const html = useMemo(() => markdownHtml(markdown), [markdown]);
  return (
    <Typography>
      {/* Safe: markdown-it with html: false escapes every tag and refuses script addresses. */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

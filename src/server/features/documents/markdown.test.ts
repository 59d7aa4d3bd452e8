import { describe, expect, it } from 'vitest';
import { markdownBlocks, plainText } from './markdown';

describe('a policy body read from Markdown', () => {
  it('gives headings, paragraphs with bold and italic, lists and tables', () => {
    const blocks = markdownBlocks(
      [
        '# Access control',
        '',
        'Every user has a **unique** ID and *never* shares it.',
        '',
        '- Lock screens',
        '- Log off',
        '  1. first',
        '',
        '| Role | Access |',
        '| --- | --- |',
        '| Nurse | Charts |',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.type)).toEqual([
      'heading',
      'paragraph',
      'item',
      'item',
      'item',
      'table',
    ]);
    const paragraph = blocks[1];
    expect(paragraph?.type === 'paragraph' && paragraph.runs.find((r) => r.bold)?.text).toBe(
      'unique',
    );
    expect(paragraph?.type === 'paragraph' && paragraph.runs.find((r) => r.italic)?.text).toBe(
      'never',
    );
    const nested = blocks[4];
    expect(nested?.type === 'item' && [nested.depth, nested.marker]).toEqual([1, '1.']);
    const table = blocks[5];
    expect(table?.type === 'table' && table.header.map(plainText)).toEqual(['Role', 'Access']);
    expect(table?.type === 'table' && table.rows.map((r) => r.map(plainText))).toEqual([
      ['Nurse', 'Charts'],
    ]);
  });

  it('keeps raw HTML as text, never as markup', () => {
    const [block] = markdownBlocks('Hello <script>alert(1)</script>');
    expect(block?.type === 'paragraph' && plainText(block.runs)).toBe(
      'Hello <script>alert(1)</script>',
    );
  });

  it('never embeds an image: its alt text and address show, as a link does', () => {
    const [paragraph] = markdownBlocks(
      'See ![Floor plan](https://tracker.example/p.png) and ![](data:image/png;base64,AA) or [![Logo](https://x.example/l.png)](https://clinic.example).',
    );
    expect(paragraph?.type === 'paragraph' ? plainText(paragraph.runs) : '').toBe(
      'See Floor plan (https://tracker.example/p.png) and Image or Logo (https://clinic.example).',
    );
  });
});

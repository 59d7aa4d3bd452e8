import MarkdownIt, { type Token } from 'markdown-it';

/** A stretch of text with one style. */
export interface Run {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly code: boolean;
}

/** What a document's Markdown is made of, for the PDF and DOCX layouts. */
export type Block =
  | { readonly type: 'heading'; readonly level: number; readonly runs: readonly Run[] }
  | { readonly type: 'paragraph'; readonly runs: readonly Run[]; readonly quote: boolean }
  | {
      readonly type: 'item';
      readonly depth: number;
      /** "1." for an ordered list, null for a bullet. */
      readonly marker: string | null;
      readonly runs: readonly Run[];
    }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'rule' }
  | {
      readonly type: 'table';
      readonly header: readonly (readonly Run[])[];
      readonly rows: readonly (readonly (readonly Run[])[])[];
    };

// Raw HTML is text, never markup (issue 14): a policy cannot carry a script into a page or a file.
const parser = new MarkdownIt({ html: false, linkify: false });

/** The runs of an inline token: bold, italic and code spans; a link keeps its text and address. */
function runsOf(inline: Token | undefined): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let href: string | null = null;
  for (const child of inline?.children ?? []) {
    switch (child.type) {
      case 'strong_open':
        bold += 1;
        break;
      case 'strong_close':
        bold -= 1;
        break;
      case 'em_open':
        italic += 1;
        break;
      case 'em_close':
        italic -= 1;
        break;
      case 'link_open':
        href = String(child.attrGet('href') ?? '') || null;
        break;
      case 'link_close':
        if (href) runs.push({ text: ` (${href})`, bold: false, italic: false, code: false });
        href = null;
        break;
      case 'code_inline':
        runs.push({ text: child.content, bold: bold > 0, italic: italic > 0, code: true });
        break;
      case 'softbreak':
      case 'hardbreak':
        runs.push({
          text: child.type === 'softbreak' ? ' ' : '\n',
          bold: false,
          italic: false,
          code: false,
        });
        break;
      case 'image': {
        // Never fetched nor embedded (issue 14): its alt text, with an http(s) address like a link's.
        const src = String(child.attrGet('src') ?? '');
        const alt = child.content.trim() || 'Image';
        const shown = href === null && /^https?:\/\//i.test(src) ? `${alt} (${src})` : alt;
        runs.push({ text: shown, bold: bold > 0, italic: italic > 0, code: false });
        break;
      }
      case 'text':
      case 'html_inline':
        runs.push({ text: child.content, bold: bold > 0, italic: italic > 0, code: false });
        break;
      default:
        // Anything else shows as its text.
        if (child.content) {
          runs.push({ text: child.content, bold: bold > 0, italic: italic > 0, code: false });
        }
    }
  }
  return runs;
}

/** Reads Markdown (CommonMark with tables) into blocks. */
export function markdownBlocks(markdown: string): Block[] {
  const tokens = parser.parse(markdown, {});
  const blocks: Block[] = [];
  // Each open list: its depth is the stack's length; ordered lists count their items.
  const lists: { ordered: boolean; next: number }[] = [];
  let quote = 0;
  let itemMarker: string | null | undefined;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    switch (token.type) {
      case 'heading_open':
        blocks.push({
          type: 'heading',
          level: Number(token.tag.slice(1)),
          runs: runsOf(tokens[i + 1]),
        });
        i += 2;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({
          ordered: token.type === 'ordered_list_open',
          next: Number(token.attrGet('start') ?? 1),
        });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        itemMarker = list?.ordered ? `${list.next}.` : null;
        if (list?.ordered) list.next += 1;
        break;
      }
      case 'blockquote_open':
        quote += 1;
        break;
      case 'blockquote_close':
        quote -= 1;
        break;
      case 'paragraph_open': {
        const runs = runsOf(tokens[i + 1]);
        if (itemMarker !== undefined) {
          blocks.push({
            type: 'item',
            depth: Math.max(0, lists.length - 1),
            marker: itemMarker,
            runs,
          });
          itemMarker = undefined;
        } else if (lists.length > 0) {
          // A second paragraph of a list item: indented under it, no marker.
          blocks.push({ type: 'item', depth: lists.length - 1, marker: '', runs });
        } else {
          blocks.push({ type: 'paragraph', runs, quote: quote > 0 });
        }
        i += 2;
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ type: 'code', text: token.content.replace(/\n$/, '') });
        break;
      case 'hr':
        blocks.push({ type: 'rule' });
        break;
      case 'table_open': {
        const header: Run[][] = [];
        const rows: Run[][][] = [];
        let row: Run[][] | null = null;
        for (i += 1; i < tokens.length && tokens[i]?.type !== 'table_close'; i += 1) {
          const cell = tokens[i];
          if (cell?.type === 'tr_open') row = [];
          if (cell?.type === 'th_open') header.push(runsOf(tokens[i + 1]));
          if (cell?.type === 'td_open') row?.push(runsOf(tokens[i + 1]));
          if (cell?.type === 'tr_close' && row && row.length > 0) rows.push(row);
        }
        blocks.push({ type: 'table', header, rows });
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

/** The plain text of runs. */
export const plainText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');

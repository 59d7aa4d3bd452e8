import { describe, expect, it } from 'vitest';
import { markdownHtml } from './markdown';

describe('a policy rendered from Markdown', () => {
  it('keeps headings (one level below the page h1), emphasis and tables', () => {
    const html = markdownHtml('# Title\n\n**bold** *it*\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(html).toContain('<h2>Title</h2>');
    expect(html).not.toContain('<h1');
    expect(markdownHtml('###### Six')).toBe('<h6>Six</h6>\n');
    expect(html).toContain('<strong>bold</strong> <em>it</em>');
    expect(html).toContain('<table>');
  });

  it('never lets HTML or script addresses through (XSS)', () => {
    const attempts = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '[click](JAVASCRIPT:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '![x](javascript:alert(1))',
      '<iframe src="https://evil.example"></iframe>',
    ];
    for (const attempt of attempts) {
      const html = markdownHtml(attempt);
      expect(html).not.toMatch(
        /<script|<img[^>]*onerror|<iframe|href="javascript:|src="javascript:/i,
      );
    }
    expect(markdownHtml('<script>alert(1)</script>')).toContain('&lt;script&gt;');
  });

  it('never loads an image: its alt text shows, as a link to an http(s) address', () => {
    const html = markdownHtml(
      '![Floor plan](https://tracker.example/pixel.png?u=1 "t") and ![](http://x.example/a.gif)',
    );
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '<a href="https://tracker.example/pixel.png?u=1" target="_blank" rel="noopener noreferrer">Floor plan</a>',
    );
    expect(html).toContain('>Image</a>');
    const data = markdownHtml('![a <b>](data:image/png;base64,AAAA)');
    expect(data).toBe('<p>a &lt;b&gt;</p>\n');
    // Inside a link: the link stays, the image is its text.
    expect(markdownHtml('[![Logo](https://x.example/l.png)](https://clinic.example)')).toBe(
      '<p><a href="https://clinic.example">Logo</a></p>\n',
    );
  });
});

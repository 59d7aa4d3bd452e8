import { describe, expect, it } from 'vitest';
import { finish, newDocument, table } from './drawing';

describe('table', () => {
  it('gives the event loop turns while drawing many rows, and draws them all', async () => {
    // Counts turns of the event loop (one per setImmediate) until the table is drawn. Drawing
    // in one go, as before, let none through: every request waited for the whole report.
    let turns = 0;
    let drawing = true;
    const tick = () => {
      if (!drawing) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const doc = newDocument({ title: 'T', author: 'A', createdAt: new Date('2026-01-01') });
    const rows = Array.from({ length: 300 }, (_, i) => ({ ref: `RISK-${i + 1}`, title: 'x' }));
    await table(
      doc,
      [
        { header: 'Ref', width: 0.2, value: (r) => r.ref },
        { header: 'Title', width: 0.8, value: (r) => r.title },
      ],
      rows,
    );
    drawing = false;
    expect(turns).toBeGreaterThanOrEqual(300 / 25 - 1);
    expect(doc.bufferedPageRange().count).toBeGreaterThan(5);
    expect((await finish(doc)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { TABLE_LIMITS } from './limits';
import { readCsvTable } from './table';

function csv(rows: number): Buffer {
  const lines = ['kind,name'];
  for (let i = 1; i <= rows; i++) lines.push(`server,"Zürich 東京 ${i}, 🩺"`);
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

describe('readCsvTable', () => {
  it('parses chunk by chunk, with turns of the event loop, keeping characters whole', async () => {
    const body = csv(20_000);
    expect(body.length).toBeGreaterThan(2 * 256 * 1024);
    let turns = 0;
    let reading = true;
    const tick = () => {
      if (!reading) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const table = await readCsvTable(body);
    reading = false;
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(table.header).toEqual(['kind', 'name']);
    expect(table.rows).toHaveLength(20_000);
    expect(table.rows[19_999]).toEqual({
      line: 20_001,
      cells: ['server', 'Zürich 東京 20000, 🩺'],
    });
    expect(table.rows.some((r) => r.cells[1]?.includes('\uFFFD'))).toBe(false);
  });

  it('stops at the limits, naming them', async () => {
    const refusal = async (body: Buffer, limits: Partial<typeof TABLE_LIMITS>) =>
      readCsvTable(body, { ...TABLE_LIMITS, ...limits }).then(
        () => undefined,
        (e: unknown) => (e instanceof AppError ? e : undefined),
      );
    expect((await refusal(csv(101), { rows: 100 }))?.message).toMatch(
      /more than 100 rows \(import limit: rows/,
    );
    expect((await refusal(csv(100), { rows: 100, cellCharacters: 10 }))?.message).toMatch(
      /cell longer than 10 characters \(line 2\) \(import limit: cell length/,
    );
    expect((await refusal(Buffer.from('a,b,c,d,e,f\n'), { columns: 5 }))?.message).toMatch(
      /value beyond column 5 \(line 1\) \(import limit: columns/,
    );
    // Empty cells to the right do not count.
    expect(await refusal(Buffer.from('a,b,,,,,,,,\n'), { columns: 5 })).toBeUndefined();
    // But not without end: 20 MB of commas would be 20 million cells held at once.
    expect(
      (await refusal(Buffer.from(`a,b\nx,y${','.repeat(20 * 1024 * 1024 - 8)}\n`), {}))?.message,
    ).toMatch(/more cells than 20,001 rows of 100 columns hold, most of them empty \(line 2\)/);
    const quoted = `a,b\nx,"${','.repeat(300)}"\n`;
    expect(await refusal(Buffer.from(quoted), { rows: 1, columns: 100 })).toBeUndefined();
    expect(
      (await refusal(Buffer.from(`a,b\nx,y${','.repeat(300)}\n`), { rows: 1, columns: 100 }))
        ?.message,
    ).toMatch(/more cells than 2 rows of 100 columns/);
  });
});

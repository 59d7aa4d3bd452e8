import type SQLite from 'better-sqlite3';

const STATISTICS = ['sqlite_stat1', 'sqlite_stat4'] as const;

/**
 * Plans every query on the schema alone, as on every database Custos creates (it never runs
 * ANALYZE): the repositories' queries are written and tested for those plans (ORDER BY following
 * an index of the organization; test/sqlite-list-plans.int.test.ts). Statistics left by a foreign
 * ANALYZE (an operator's, the bench seeder's) do harm both ways: sqlite_stat1 alone averages a
 * skewed column (record_links.to_id: a few citations shared by thousands of links, beside risk ids
 * linked a few times), so a page's link lookup scanned the whole table (5 ms); sqlite_stat4 samples
 * correct that, but better-sqlite3's SQLite (built with STAT4) then re-plans a prepared statement
 * whenever a bound value its plan might depend on changes, on nearly every request (16% of
 * GET /api/me's CPU). So they are removed at open, and the planner's view reloaded; nothing is
 * migrated (the statistics tables are SQLite's own).
 */
export function clearPlannerStatistics(database: SQLite.Database): void {
  const present = STATISTICS.filter(
    (name) =>
      database
        .prepare("select 1 from sqlite_schema where type = 'table' and name = ?")
        .get(name) !== undefined &&
      database.prepare(`select 1 from ${name} limit 1`).get() !== undefined,
  );
  if (present.length === 0) return;
  // ANALYZE sqlite_schema reloads the (now empty) statistics into this connection's planner.
  database.exec(`${present.map((name) => `delete from ${name};`).join(' ')} analyze sqlite_schema`);
}

import { catalog } from '../../server/features/catalog/content';
import { csvLine } from '../../server/platform/http/csv';
import { oneLine, type Io } from '../io';

export const CATALOG_FORMATS = ['json', 'csv'] as const;

/** Prints the regulation catalog: every standard and implementation specification. */
export function runCatalogExport(io: Io, format: string): number {
  try {
    const { requirements } = catalog();
    if (format === 'json') {
      io.out(JSON.stringify(requirements, null, 2));
      return 0;
    }
    if (format === 'csv') {
      const header = ['id', 'kind', 'parent', 'title', 'safeguard', 'designation', 'summary'];
      io.out(
        [
          csvLine(header),
          ...requirements.map((r) =>
            csvLine([r.id, r.kind, r.parent, r.title, r.safeguard, r.designation ?? '', r.summary]),
          ),
        ]
          .join('')
          .trimEnd(),
      );
      return 0;
    }
    io.err(`custos: --format must be one of ${CATALOG_FORMATS.join(', ')}, got "${format}"`);
    return 2;
  } catch (error) {
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
}

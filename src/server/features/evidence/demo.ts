import { Readable } from 'node:stream';
import { z } from 'zod';
import { demoStep } from '../../platform/demo';
import { FILE_KINDS } from '../../platform/storage/content-check';
import { addDays, addMonths } from '../../platform/time';
import { createLinkIn } from '../links/service';
import { newEvidenceRowIn } from './service';

// A one-page PDF saying what it stands for (the demo's own words, no PHI).
const pdf = (title: string) => {
  const text = `BT /F1 18 Tf 72 720 Td (${title}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
};

const FILES = [
  {
    title: 'Backup restore test, last quarter',
    name: 'backup-restore-test.pdf',
    kind: 'pdf' as const,
    content: () => pdf('Backup restore test: all 12 systems restored within 4 hours'),
    requirement: '164.308(a)(7)(ii)(D)',
    refreshIn: 2,
  },
  {
    title: 'Security awareness training sign-in sheet',
    name: 'training-sign-in.csv',
    kind: 'csv' as const,
    content: () => Buffer.from('date,person,session\n2026-09-14,Front desk team,Phishing\n'),
    requirement: '164.308(a)(5)(ii)(A)',
    refreshIn: -1,
  },
];

/** Evidence files, encrypted like any upload, linked to their safeguards; one is stale. */
const evidence = demoStep(90, z.unknown(), async ({ deps, context, orgId, today }) => {
  for (const file of FILES) {
    const stored = await deps.files.store(Readable.from([file.content()]), []);
    await deps.database.db.transaction().execute(async (trx) => {
      const row = await newEvidenceRowIn(trx, deps, context, orgId, {
        kind: 'file',
        title: file.title,
        url: null,
        file_name: file.name,
        file_size: stored.size,
        file_type: FILE_KINDS[file.kind].mime,
        file_sha256: stored.sha256,
        blob_key: stored.blobKey,
        sealed_key: stored.sealedKey,
        file_checked_stamp: stored.checkedStamp,
        file_checked_at: deps.clock.now().toISOString(),
        collected_on: addMonths(today, -2),
        refresh_on: addDays(addMonths(today, file.refreshIn), 0),
      });
      await createLinkIn(trx, deps, context, orgId, {
        from: { type: 'safeguard', id: file.requirement },
        to: { type: 'evidence', id: row.id },
      });
    });
  }
});

export const evidenceDemo = [evidence];

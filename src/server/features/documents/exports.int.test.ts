import JSZip from 'jszip';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../contracts/documents';
import type { Link } from '../../../contracts/links';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { seedClinic, testDeps } from '../../../../test/support/tenants';
import { organizationCalendarsUnscoped } from '../../platform/org-calendar';
import { sweepEveryOrganization } from '../notifications/sweep';
import { documentNotices } from './reminders';

const startApp = testApps();

/** The text a pdfkit PDF shows: its content streams inflated, the hex strings of TJ decoded. */
function pdfTextOf(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) {
      texts.push(Buffer.from(hex[1] ?? '', 'hex').toString('latin1'));
    }
    texts.push(' ');
  }
  return texts.join('');
}

describe(`policy exports, templates and reminders on ${testDatabaseKind()}`, () => {
  it('export a version as PDF (pages, footer, text) and DOCX, each audited', async () => {
    const clock = testClock('2026-06-01T15:00:00.000Z');
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db, { name: 'Lakeside Clinic' });
    const editor = await buildMember(db, clock, org.id, 'security_officer');
    const auditor = await buildMember(db, clock, org.id, 'auditor');
    const long = Array.from(
      { length: 40 },
      (_, i) => `## Section ${i + 1}\n\nStaff **must** lock screens; *always*.\n\n- one\n- two\n`,
    ).join('\n');
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/documents`,
      headers: editor.headers,
      payload: {
        title: 'Access control',
        kind: 'policy',
        body: `# Access control\n\n| Role | Access |\n| --- | --- |\n| Nurse | Charts |\n\n${long}`,
      },
    });
    const doc = created.json<DocumentDetail>();
    const url = `/api/orgs/${org.id}/documents/${doc.id}/versions/${doc.versions[0]?.id ?? ''}`;
    const pdf = await t.app.inject({ url: `${url}/export.pdf`, headers: auditor.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(2);
    const text = pdfTextOf(pdf.rawPayload);
    expect(text).toContain('Access control');
    expect(text).toContain('Section 40');
    expect(text).toContain('Nurse');
    expect(text).toContain(`page ${pages} of ${pages}`);
    expect(text).toContain('POL-1 version 1');
    // The body's "# Access control" repeats the export's own heading: drawn once (newcomer).
    expect(text.split('Access control').length - 1).toBe(1);

    const docx = await t.app.inject({ url: `${url}/export.docx`, headers: auditor.headers });
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const body = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(body).toContain('Access control');
    expect(body).toContain('Section 40');
    expect(body).toContain('<w:b/>');
    expect(body).toContain('<w:tbl>');
    const footers = Object.keys(zip.files).filter((f) => /word\/footer\d*\.xml/.test(f));
    const footer = (await zip.file(footers[0] ?? '')?.async('string')) ?? '';
    expect(footer).toContain('NUMPAGES');

    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', org.id)
      .where('action', '=', 'document.exported')
      .execute();
    expect(events).toHaveLength(2);

    // Approved at 02:30 UTC on 2 June: still 1 June in Chicago, the organization's zone.
    await db
      .updateTable('document_versions')
      .set({
        status: 'in_effect',
        approved_by: editor.user.id,
        approved_at: '2026-06-02T02:30:00.000Z',
        effective_on: '2026-07-01',
      })
      .where('id', '=', doc.versions[0]?.id ?? '')
      .execute();
    const footerLine = `POL-1 version 1 · approved by ${editor.user.name} on 1 Jun 2026 · effective 1 Jul 2026`;
    const approvedPdf = await t.app.inject({ url: `${url}/export.pdf`, headers: auditor.headers });
    const approvedText = pdfTextOf(approvedPdf.rawPayload);
    expect(approvedText).toContain(footerLine);
    expect(approvedText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const approvedDocx = await t.app.inject({
      url: `${url}/export.docx`,
      headers: auditor.headers,
    });
    const approvedZip = await JSZip.loadAsync(approvedDocx.rawPayload);
    const docxFooters = await Promise.all(
      Object.keys(approvedZip.files)
        .filter((f) => /word\/footer\d*\.xml/.test(f))
        .map(async (f) => (await approvedZip.file(f)?.async('string')) ?? ''),
    );
    expect(docxFooters.join('')).toContain(footerLine);
    const approvedBody = (await approvedZip.file('word/document.xml')?.async('string')) ?? '';
    expect(approvedBody).toContain('1 Jul 2026');
    expect(approvedBody).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  }, 60_000); // a PDF render and a DOCX: about 17 s on a loaded two-core machine

  it('draw a long export off the event loop, so other requests are not stalled', async () => {
    const clock = testClock('2026-06-01T15:00:00.000Z');
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db, { name: 'Lakeside Clinic' });
    const editor = await buildMember(db, clock, org.id, 'security_officer');
    // 25,000 one-word paragraphs: seconds of drawing for the DOCX writer.
    const body = Array.from({ length: 25_000 }, (_, i) => `w${i}`).join('\n\n');
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/documents`,
      headers: editor.headers,
      payload: { title: 'Long', kind: 'policy', body },
    });
    const doc = created.json<DocumentDetail>();
    const url = `/api/orgs/${org.id}/documents/${doc.id}/versions/${doc.versions[0]?.id ?? ''}`;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const began = performance.now();
    const docx = await t.app.inject({ url: `${url}/export.docx`, headers: editor.headers });
    const took = performance.now() - began;
    delay.disable();
    expect(docx.statusCode).toBe(200);
    expect((await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')).not.toBeNull();
    // Drawn on the event loop, its longest stall is most of the export; in a worker, a sliver.
    expect(delay.max / 1e6).toBeLessThan(took / 4);
  }, 90_000);

  it('create a draft from a template, linked to its safeguard records', async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db, { name: 'Lakeside Clinic' });
    const editor = await buildMember(db, clock, org.id, 'contributor');
    const list = await t.app.inject({
      url: `/api/orgs/${org.id}/policy-templates`,
      headers: editor.headers,
    });
    const [template] = list.json<{ data: { id: string; requirements: string[] }[] }>().data;
    if (!template) throw new Error('a template');
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/policy-templates/${template.id}/documents`,
      headers: editor.headers,
    });
    expect(created.statusCode).toBe(201);
    const doc = created.json<DocumentDetail>();
    expect(doc.requirements).toEqual([...template.requirements].sort());
    expect(doc.versions.map((v) => v.status)).toEqual(['draft']);
    const version = await t.app.inject({
      url: `/api/orgs/${org.id}/documents/${doc.id}/versions/${doc.versions[0]?.id ?? ''}`,
      headers: editor.headers,
    });
    expect(version.json<{ body: string }>().body).toContain('Lakeside Clinic');
    expect(version.json<{ body: string }>().body).not.toContain('{{');
    // The safeguard's page shows the policy among its links.
    const citation = template.requirements[0] ?? '';
    const safeguard = await t.app.inject({
      url: `/api/orgs/${org.id}/safeguards/${encodeURIComponent(citation)}`,
      headers: editor.headers,
    });
    const links = safeguard.json<{ links: Link[] }>().links;
    expect(links.filter((l) => l.type === 'document').map((l) => l.label)).toEqual([
      `POL-1 ${doc.title}`,
    ]);
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/policy-templates/no-such-template/documents`,
      headers: editor.headers,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('remind the owner, else the Security Official, of a review falling due', async () => {
    const clock = testClock('2026-06-01T14:00:00.000Z');
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const clinic = await seedClinic(t, clock, 'documents');
    const deps = testDeps(t, clock);
    const [org] = (await organizationCalendarsUnscoped(db, clock)).filter(
      (o) => o.orgId === clinic.orgId,
    );
    if (!org?.securityOfficialId) throw new Error('the demo clinic has a Security Official');
    // The demo's security management policy took effect eleven months ago: its review is due in a month.
    const notices = await documentNotices(deps, org);
    expect(notices.map((n) => [n.kind, n.title, n.dueOn])).toEqual([
      ['document.review_due', 'POL-2 Security management and risk management', '2026-07-01'],
    ]);
    // Through the sweep: sent once, whatever the number of runs.
    const first = await sweepEveryOrganization(deps, documentNotices);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await sweepEveryOrganization(deps, documentNotices)).toBe(0);
    await db
      .updateTable('documents')
      .set({ owner_id: null })
      .where('org_id', '=', org.orgId)
      .execute();
    const [unowned] = await documentNotices(deps, org);
    expect(unowned?.userId).toBe(org.securityOfficialId);
  });
});

// `npm run bench:evidence`: a 50 MB evidence file uploaded and downloaded through the built server
// (encrypted to the blob store, checked on the way out), against `cp` of the same file on this
// machine in the same run. Each transfer must keep the server under +100 MB of resident memory
// and run at >= 50% of cp's throughput (issue 14). Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { SEGMENT_BYTES } from '../src/server/platform/storage/sealed-stream';
import { median, setUpOwner, start, stop } from './server';

const MB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_EVIDENCE_MB ?? 50) * MB;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function rssBytes(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid ?? 'self'}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

/** Runs `work` while sampling the server's resident memory every 10 ms; the peak above `before`. */
async function measured(pid: number | undefined, work: () => Promise<void>) {
  const before = rssBytes(pid);
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
  }, 10);
  const began = performance.now();
  await work();
  const ms = performance.now() - began;
  clearInterval(timer);
  peak = Math.max(peak, rssBytes(pid));
  return { ms, extra: peak - before };
}

/**
 * One HTTP exchange with node:http, streaming `body` up and the answer into `sink` (or into text):
 * the client's own cost stays small, so the figures are the server's (fetch's web streams in
 * Node 20 cost the client more than the server spends).
 */
function transfer(
  url: string,
  options: { method: string; headers: Record<string, string> },
  body: Readable | null,
  sink?: Writable,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, options, (res) => {
      const status = res.statusCode ?? 0;
      if (sink && status === 200) {
        pipeline(res, sink).then(() => resolve({ status, text: '' }), reject);
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) pipeline(body, req).catch(reject);
    else req.end();
  });
}

const mbps = (ms: number) => SIZE / MB / (ms / 1000);
const sha256Of = async (file: string) => {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
};

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'custos-bench-evidence-'));
  try {
    // A PDF by its magic bytes, the rest random (no compression helps anyone).
    const source = path.join(work, 'evidence.pdf');
    const body = randomBytes(SIZE);
    Buffer.from('%PDF-1.7\n').copy(body);
    writeFileSync(source, body);
    const expected = await sha256Of(source);

    const cp: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const target = path.join(work, `copy-${i}.pdf`);
      const began = performance.now();
      execFileSync('cp', [source, target]);
      cp.push(performance.now() - began);
      rmSync(target);
    }

    // The ceilings this process's crypto sets, on the same data: SHA-256 alone, AES-256-GCM alone
    // in the vault's 64 KiB segments (one cipher per segment), and both, as an upload needs them.
    // (One 50 MB update() is not a fair reference: Node spends most of it allocating the output.)
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const sha = () => createHash('sha256').update(body).digest();
    const gcm = () => {
      for (let at = 0; at < body.length; at += SEGMENT_BYTES) {
        const cipher = createCipheriv('aes-256-gcm', key, nonce);
        cipher.update(body.subarray(at, at + SEGMENT_BYTES));
        cipher.final();
      }
    };
    const timed = (work: () => void): number[] => {
      work(); // warm-up
      return Array.from({ length: RUNS }, () => {
        const began = performance.now();
        work();
        return performance.now() - began;
      });
    };
    const shaOnly = timed(sha);
    const gcmOnly = timed(gcm);
    const crypto = timed(() => {
      gcm();
      sha();
    });

    const dataDir = path.join(work, 'data');
    const server = await start({
      CUSTOS_DATA_DIR: dataDir,
      CUSTOS_MAX_UPLOAD_MB: String(SIZE / MB + 1),
    });
    const pid = server.process.pid;
    try {
      const { cookie, orgId } = await setUpOwner(server);
      const headers = { cookie, 'x-custos-csrf': '1' };
      const uploads: { ms: number; extra: number }[] = [];
      const downloads: { ms: number; extra: number }[] = [];
      let id = '';
      for (let i = 0; i < RUNS; i++) {
        uploads.push(
          await measured(pid, async () => {
            const res = await transfer(
              `${server.url}/api/orgs/${orgId}/evidence/files?filename=evidence.pdf`,
              { method: 'POST', headers: { ...headers, 'content-type': 'application/pdf' } },
              createReadStream(source),
            );
            if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
            id = z.object({ id: z.string() }).parse(JSON.parse(res.text)).id;
          }),
        );
      }
      const target = path.join(work, 'downloaded.pdf');
      for (let i = 0; i < RUNS; i++) {
        downloads.push(
          await measured(pid, async () => {
            const res = await transfer(
              `${server.url}/api/orgs/${orgId}/evidence/${id}/file`,
              { method: 'GET', headers },
              null,
              createWriteStream(target),
            );
            if (res.status !== 200) throw new Error(`download: ${res.status} ${res.text}`);
          }),
        );
      }
      if ((await sha256Of(target)) !== expected)
        throw new Error('the download differs from the upload');

      const cpMs = median(cp);
      const rows = [
        ['cp', cpMs, 0],
        ['sha-256', median(shaOnly), 0],
        ['aes-gcm', median(gcmOnly), 0],
        ['crypto', median(crypto), 0],
        ['upload', median(uploads.map((u) => u.ms)), Math.max(...uploads.map((u) => u.extra))],
        [
          'download',
          median(downloads.map((d) => d.ms)),
          Math.max(...downloads.map((d) => d.extra)),
        ],
      ] as const;
      console.log(
        `${SIZE / MB} MB, median of ${RUNS} runs; server RSS at start ${(rssBytes(pid) / MB).toFixed(0)} MB`,
      );
      let ok = true;
      for (const [label, ms, extra] of rows) {
        const ratio = mbps(ms) / mbps(cpMs);
        const reference = ['cp', 'sha-256', 'aes-gcm', 'crypto'].includes(label);
        const passes = reference || (ratio >= 0.5 && extra < 100 * MB);
        ok &&= passes;
        console.log(
          `${label.padEnd(9)} ${ms.toFixed(0).padStart(6)} ms  ${mbps(ms).toFixed(0).padStart(5)} MB/s  ${(ratio * 100).toFixed(0).padStart(4)}% of cp` +
            (label === 'upload' || label === 'download'
              ? `  ${((mbps(ms) / mbps(median(crypto))) * 100).toFixed(0).padStart(4)}% of crypto`
              : '') +
            (label === 'cp'
              ? ''
              : `  peak +${(extra / MB).toFixed(1)} MB RSS  ${passes ? 'ok' : 'FAILS'}`),
        );
      }
      process.exitCode = ok ? 0 : 1;
    } finally {
      await stop(server);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();

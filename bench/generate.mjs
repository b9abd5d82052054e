// Generates a synthetic release repository, deterministic from a seed: N modifications, M releases,
// with realistic content (parts, costs, impacts, timelines, baselines, history). Used by bench/run.mjs.
//   node bench/generate.mjs DIR --modifications 2000 --releases 60 [--seed 1]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

/** mulberry32: a tiny seeded PRNG, so the same seed gives the same repository byte for byte. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CYCLE = [{ month: 2, type: 'documentation' }, { month: 6, type: 'system' }, { month: 11, type: 'system' }];
const WORDS = 'alert storm traffic device meter install commission supplier network gas electricity tariff switch security certificate threshold firmware service request response time register party panel'.split(' ');
const STATUSES = ['raised', 'development', 'refinement', 'report', 'approved', 'approved', 'implemented', 'rejected', 'withdrawn'];
const DOCS = ['Section A', 'Section D', 'Section H', 'Appendix AB', 'Appendix AD', 'Appendix AH', 'Section L'];
const pad = (n, w = 2) => String(n).padStart(w, '0');

export function generateRepository(dir, { modifications = 2000, releases = 60, seed = 1, startYear = 2015 } = {}) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'releases'), { recursive: true });
  mkdirSync(join(dir, 'modifications'), { recursive: true });
  writeFileSync(join(dir, 'secrel.config.yaml'), '# Synthetic repository for benchmarks.\noutput: out\n');

  const releaseIds = [];
  for (let i = 0; i < releases; i++) {
    const year = startYear + Math.floor(i / CYCLE.length);
    const { month, type } = CYCLE[i % CYCLE.length];
    const id = `${year}-${pad(month)}`;
    releaseIds.push({ id, type, year });
    writeFileSync(join(dir, 'releases', `${id}.yaml`), [
      `id: ${id}`,
      `status: planned`,
      `changeRequests:`,
      `  - id: CR${1000 + i}`,
      `    title: ${words(4)}`,
      `rid:`,
      `  version: "1.${i % 5}"`,
      `  baselines:`,
      `    - version: "1.0"`,
      `      date: ${year - 1}-0${1 + (i % 8)}-1${i % 9}`,
      `      covers: systems`,
      `  history:`,
      `    - version: "0.1"`,
      `      date: ${year - 2}-0${1 + (i % 8)}-0${1 + (i % 9)}`,
      `      changes: First draft.`,
      `timeline:`,
      `  - event: Release baselined`,
      `    date: ${year - 1}-0${1 + (i % 8)}-1${i % 9}`,
      `  - event: SIT complete`,
      `    offset: -20wd`,
      `    from: go-live`,
      `costs:`,
      `  forecast:`,
      `    designBuildPit: ${Math.floor(rand() * 900000)}`,
      `    sit: ${Math.floor(rand() * 90000)}`,
      `    uit: ${Math.floor(rand() * 9000)}`,
      '',
    ].join('\n'));
  }

  for (let i = 0; i < modifications; i++) {
    const id = `MP${pad(i + 1, 5)}`;
    const rel = pick(releaseIds);
    const systemImpact = rel.type === 'system' && rand() < 0.5;
    const status = pick(STATUSES);
    const lines = [
      `id: ${id}`,
      `title: ${words(6)}`,
      `summary: >-`,
      `  ${words(20)}`,
      `  ${words(20)}`,
      `status: ${status}`,
      `governance: ${pick(['authority', 'self-governance', 'fast-track'])}`,
      `systemImpact: ${systemImpact}`,
      `leadTime: ${systemImpact ? '12m' : '6m'}`,
      `decision:`,
      `  expected: ${rel.year - 1}-0${1 + (i % 9)}-1${i % 10}`,
      `implementation:`,
      `  release: ${rel.id}`,
      `  addedToScope: ${rel.year - 1}-0${1 + (i % 5)}-0${1 + (i % 9)}`,
      `impacts:`,
      `  parties:`,
      `    suppliers: ${words(10)}`,
      `    electricityNetworks: ${words(8)}`,
      `  dcc:`,
      `    dsp: ${words(8)}`,
      `documents:`,
      `  - ${DOCS[i % DOCS.length]}`,
      `  - ${DOCS[(i + 3) % DOCS.length]}`,
    ];
    if (systemImpact) {
      lines.push('costs:', '  dcc:', `    designBuildPit: ${Math.floor(rand() * 500000)}`, `    sit: ${Math.floor(rand() * 50000)}`, `    uit: ${Math.floor(rand() * 5000)}`, `    implementToLive: ${Math.floor(rand() * 20000)}`);
    }
    writeFileSync(join(dir, 'modifications', `${id}.yaml`), `${lines.join('\n')}\n`);
  }
  return { releases: releaseIds.map((r) => r.id) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { modifications: { type: 'string' }, releases: { type: 'string' }, seed: { type: 'string' } } });
  const dir = positionals[0];
  if (!dir) throw new Error('usage: node bench/generate.mjs DIR [--modifications N] [--releases M] [--seed S]');
  generateRepository(dir, { modifications: Number(values.modifications ?? 2000), releases: Number(values.releases ?? 60), seed: Number(values.seed ?? 1) });
}

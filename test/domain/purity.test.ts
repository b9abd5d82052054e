// The date domain stays pure: no clock, no environment, no I/O, so answers are the same under any TZ.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILES = ['dates', 'holidays', 'working-days', 'cycle', 'calendar', 'milestones', 'implementation', 'ics'];
const FORBIDDEN = [/new Date\s*\(/, /Date\.now/, /\bprocess\./, /\bconsole\./, /from 'node:/, /\bget(?:Hours|Date|Day|Month|FullYear|TimezoneOffset)\(/];

describe('src/domain date modules', () => {
  it.each(FILES)('%s.ts reads no clock, environment or file', (name) => {
    const source = readFileSync(fileURLToPath(new URL(`../../src/domain/${name}.ts`, import.meta.url)), 'utf8');
    expect(source.split('\n')[0]).toMatch(/^\/\/ \S/);
    for (const pattern of FORBIDDEN) expect(source).not.toMatch(pattern);
    expect(source.split('\n').length).toBeLessThan(250);
  });
});

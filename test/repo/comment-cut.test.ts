// A text cut short by a comment: `title: GBCS #2 readiness` is the title "GBCS" in YAML. A warning at the `#`
// with the whole value quoted, through validate as a user meets it; a real comment is left alone. (Found in a
// fresh-data trial: the RID showed the title cut, and validate said nothing.)
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commentCuts } from '../../src/repo/comment-cut.js';
import { mayCutAtComment } from '../../src/repo/yaml-guards.js';
import { secrel } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'secrel-comment-cut-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const messages = (text: string) => (mayCutAtComment(text) ? commentCuts('m.yaml', text) : []).map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`);

describe('a value cut short by a comment', () => {
  it('is a warning at the #, with the whole value quoted as the fix', () => {
    expect(messages('id: MP1\ntitle: Authority-led changes to GBCS #2 for post-quantum readiness\n')).toEqual([
      '2:38 warning `title` ends before "#2 for post-quantum readiness": in YAML a space and then # start a comment, so title is ' +
        '"Authority-led changes to GBCS" and the rest is left out; if it is part of the text, quote the whole value: ' +
        'title: "Authority-led changes to GBCS #2 for post-quantum readiness"',
    ]);
    // Inside lists and nested mappings too.
    expect(messages('id: MP1\nrisks:\n  - summary: Supplier capacity at #3 sites\n')).toHaveLength(1);
  });

  it('leaves real comments, quoted values, one-word values and block texts alone', () => {
    for (const text of [
      'id: MP1\ntitle: Alert routing # agreed at Panel\n',
      'id: MP1\ntitle: "Changes to GBCS #2"\n',
      'id: MP1\nstatus: approved #TODO\n',
      'id: MP1\nsummary: >-\n  Changes to GBCS #2 for readiness.\n',
      '# yaml-language-server: $schema=x\nid: MP1\n',
    ])
      expect(messages(text)).toEqual([]);
  });

  it('is reported by validate, and again from the cache', async () => {
    mkdirSync(join(work, 'modifications'), { recursive: true });
    writeFileSync(join(work, 'secrel.config.yaml'), '{}\n');
    writeFileSync(join(work, 'modifications', 'MP1.yaml'), 'id: MP1\ntitle: Changes to GBCS #2 for readiness\n');
    for (let run = 0; run < 2; run++) {
      const r = await secrel(['validate', '--as-of', '2026-12-08'], { cwd: work });
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('modifications/MP1.yaml:2:24 warning YAML');
      expect(r.stdout).toContain('quote the whole value: title: "Changes to GBCS #2 for readiness"');
    }
  });
});

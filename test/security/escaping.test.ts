// User text is escaped in every document secrel publishes: markup in a title, summary, change request,
// timeline event or document title shows as text in the RID (HTML and Markdown) and on every site page;
// links other than http(s) never reach a page.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, secrel } from '../helpers/cli.js';

const SCRIPT = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

let repo: string;
let cleanup: () => void;
const outputs: Record<string, string> = {};

function edit(file: string, change: (text: string) => string): void {
  const path = join(repo, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
}

beforeAll(async () => {
  ({ dir: repo, cleanup } = copyFixture('sec-2020'));
  edit('modifications/MP079.yaml', (t) =>
    t.replace(/^title: .*$/m, `title: "${SCRIPT} withdrawn \\" onmouseover=\\"alert(2)"`).replace(/^url: .*$/m, 'url: "javascript:alert(3)"'),
  );
  edit('modifications/SECMP0062.yaml', (t) => t.replace(/^summary: >-\n/m, `summary: >-\n  <img src=x onerror=alert(4)> ${SCRIPT}\n`));
  edit('releases/2020-06.yaml', (t) =>
    t
      .replace('title: DCC Production Proving', `title: "DCC ${SCRIPT} Proving"`)
      .replace('- event: DCC submits draft SEC Release TAD', `- event: "DCC submits ${SCRIPT} TAD"`),
  );
  edit('secrel.config.yaml', (t) => t.replace('Section A: Definitions and Interpretation', `Section A: "Definitions ${SCRIPT}"`));
  const r = await secrel(['render', '--repo', repo]);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  const out = join(repo, 'out');
  for (const e of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) outputs[relative(out, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
});
afterAll(() => cleanup());

const html = () => Object.entries(outputs).filter(([f]) => f.endsWith('.html'));
const markdown = () => Object.entries(outputs).filter(([f]) => f.endsWith('.md'));

describe('escaping in published documents', () => {
  it('the RID HTML shows the <script> title as text', () => {
    const rid = outputs['rid/2020-06.html']!;
    expect(rid).toContain(`${ESCAPED} withdrawn &quot; onmouseover&#x3D;&quot;alert(2)`);
    expect(rid).toContain(`DCC ${ESCAPED} Proving`);
    expect(rid).toContain(`Definitions ${ESCAPED}`);
    expect(rid).not.toContain('<script');
  });

  it('every site page shows it as text too, and the pages that list MP079 have it', () => {
    const site = html().filter(([f]) => f.startsWith('site/'));
    expect(site.length).toBeGreaterThan(5);
    for (const [f, text] of site) {
      // The site's own script (progressive enhancement) is the only <script> element on a page.
      expect(text.match(/<script\b/g)?.length ?? 0, f).toBeLessThanOrEqual(1);
      expect(text, f).not.toContain(SCRIPT);
    }
    for (const page of ['site/register.html', 'site/modifications/MP079.html', 'site/releases/2020-06.html', 'site/rid/2020-06.html']) {
      expect(outputs[page], page).toContain(ESCAPED);
    }
  });

  it('no HTML output carries raw markup, an event-handler attribute or a script link from the data', () => {
    for (const [f, text] of html()) {
      expect(text, f).not.toMatch(/<img\b|onerror=|onmouseover="|javascript:/i);
      expect(text, f).not.toContain(SCRIPT);
    }
  });

  it('Markdown outputs escape the markup, so a Markdown viewer shows it as text', () => {
    expect(markdown().length).toBeGreaterThan(3);
    for (const [f, text] of markdown()) {
      // `\<script\>` is the escaped form; an unescaped `<` would start markup.
      expect(text, f).not.toMatch(/(?<!\\)<(script|img)/);
      expect(text, f).not.toContain('javascript:');
    }
    expect(outputs['rid/2020-06.md']).toContain('\\<script\\>alert(1)\\</script\\> withdrawn');
  });
});

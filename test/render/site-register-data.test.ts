// register.json is made a few rows at a time (20,000 rows are never built as one object or one string):
// joined, its parts are exactly the JSON.stringify of the whole register, for any number of rows.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/repo/load.js';
import { workTreeSource } from '../../src/repo/source.js';
import { siteContext } from '../../src/render/site-modifications.js';
import { registerPage } from '../../src/render/site-pages.js';
import { registerJson } from '../../src/render/site-register-data.js';
import { siteReleases } from '../../src/render/site-releases.js';
import { FIXTURES } from '../helpers/cli.js';

describe('register.json in parts', () => {
  it('joins to the JSON of the whole register, with no rows, one, or several parts', async () => {
    const root = join(FIXTURES, 'sec-2020');
    const model = await loadRepository(root, workTreeSource(root));
    const views = siteReleases(model);
    const { rows } = registerPage(siteContext(model, new Set(views.map((v) => v.planned.id))), views);
    expect(rows.length).toBeGreaterThan(3);
    for (const n of [0, 1, 3, rows.length]) {
      const some = rows.slice(0, n);
      const text = [...registerJson(some, 2)].join('');
      const data = JSON.parse(text) as { modifications: { id: string }[] };
      expect(data.modifications.map((m) => m.id)).toEqual(some.map((r) => r.id));
      expect(text).toBe(`${JSON.stringify(data, null, 2)}\n`);
    }
    expect([...registerJson(rows, 2)].length).toBe(2 + Math.ceil(rows.length / 2));
  });
});

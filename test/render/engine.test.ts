// The template engine: strict mode names file, line, column and field; overrides replace one template;
// HTML escapes user text; Markdown view models are escaped; prototype access stays closed.
import { describe, expect, it } from 'vitest';
import { createEngine, TemplateError, type TemplateFile } from '../../src/render/engine.js';
import { join } from 'node:path';
import { loadRepository } from '../../src/repo/load.js';
import { workTreeSource } from '../../src/repo/source.js';
import { Trusted } from '../../src/render/escape.js';
import { siteContext } from '../../src/render/site-modifications.js';
import { registerPage } from '../../src/render/site-pages.js';
import { siteReleases } from '../../src/render/site-releases.js';
import { FIXTURES } from '../helpers/cli.js';

const tpl = (name: string, source: string): TemplateFile => ({ name, file: `my-templates/${name}.hbs`, source });

function renderError(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    return err as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

describe('strict mode', () => {
  it('a field missing from the view model names the template file, line, column and field', () => {
    const engine = createEngine([tpl('rid.md', '# Title\n\nVersion {{versoin}}\n')]);
    const err = renderError(() => engine.render('rid.md', { version: '1.1' }));
    expect(err.message).toBe(
      'my-templates/rid.md.hbs:3:11: "versoin" is not in the view model (strict mode: a missing field is an error, never a blank); check its spelling',
    );
    expect(err.field).toBe('versoin');
  });

  it('names the whole path, inside loops too', () => {
    const engine = createEngine([tpl('rid.md', '{{#each rows}}\n| {{label}} | {{scope.nmae}} |\n{{/each}}\n')]);
    const err = renderError(() => engine.render('rid.md', { rows: [{ label: 'a', scope: { name: 'x' } }] }));
    expect(err.file).toBe('my-templates/rid.md.hbs');
    expect([err.line, err.column]).toEqual([2, 17]);
    expect(err.field).toBe('scope.nmae');
  });

  it('an {{#if}} or {{#each}} on a missing field is an error, not a silently empty block', () => {
    const engine = createEngine([tpl('rid.md', 'a\n  {{#if scope.aproved}}x{{/if}}\n'), tpl('rid.html', '{{#each itmes}}x{{/each}}')]);
    const ifErr = renderError(() => engine.render('rid.md', { scope: { approved: [] } }));
    expect(ifErr.message).toBe(
      'my-templates/rid.md.hbs:2:3: "scope.aproved", given to {{#if}}, is not in the view model (strict mode: a missing field is an error, never a blank); check its spelling',
    );
    const eachErr = renderError(() => engine.render('rid.html', { items: [] }));
    expect(eachErr.field).toBe('itmes');
    // null is "absent" in a view model: a condition on it is fine.
    expect(engine.render('rid.md', { scope: { aproved: null } })).toBe('a\n');
  });

  it('so is a helper argument missing from the view model, which Handlebars alone would pass as undefined', () => {
    const engine = createEngine([tpl('rid.md', 'Total: {{money costs.total}}\n{{prose (nope)}}\nFrom {{shortDate a}} to {{longDate costs.until}}')]);
    const err = renderError(() => engine.render('rid.md', { costs: { totl: 1, until: '2020-06-25' }, a: '2020-01-01' }));
    expect(err.message).toMatch(/^my-templates\/rid\.md\.hbs:1:8: "costs\.total", given to \{\{money\}\}, is not in the view model/);
    const later = createEngine([tpl('rid.md', 'From {{shortDate a}} to {{longDate costs.untl}}')]);
    expect(renderError(() => later.render('rid.md', { costs: { until: '2020-06-25' }, a: '2020-01-01' })).field).toBe('costs.untl');
  });

  it('an error inside a partial names the partial, not the template that included it', () => {
    const engine = createEngine([tpl('rid.md', 'top\n{{> rid-costs.md}}\n'), tpl('partials/rid-costs.md', '\n\n{{costs.totl}}\n')]);
    const err = renderError(() => engine.render('rid.md', { costs: { total: 1 } }));
    expect(err.message).toMatch(/^my-templates\/partials\/rid-costs\.md\.hbs:3:3: "costs\.totl"/);
  });

  it('a helper given the wrong kind of value says so with the template position', () => {
    const engine = createEngine([tpl('rid.md', '\n{{longDate when}}')]);
    const err = renderError(() => engine.render('rid.md', { when: null }));
    expect(err.message).toMatch(/^my-templates\/rid\.md\.hbs:2:1: \{\{longDate\}\} needs a date YYYY-MM-DD, got null/);
  });

  it('a syntax error and an unknown partial name the file', () => {
    expect(renderError(() => createEngine([tpl('rid.md', '{{#each x}}\n{{/eachh}}')]).render('rid.md', { x: [] })).message).toMatch(
      /^my-templates\/rid\.md\.hbs:1:4: each doesn't match eachh/,
    );
    expect(renderError(() => createEngine([tpl('rid.md', '{{> nope.md}}')]).render('rid.md', {})).message).toMatch(
      /^my-templates\/rid\.md\.hbs: the partial "nope\.md" does not exist; partials: .*rid-scope\.md/,
    );
  });

  it('never reads inherited properties such as constructor: an override that tries is refused', () => {
    const engine = createEngine([tpl('rid.html', '[{{constructor}}]')]);
    expect(() => engine.render('rid.html', {})).toThrow(/rid.html.hbs:1:4: "constructor" reaches into JavaScript objects/);
  });
});

describe('overrides', () => {
  it('replace one template or partial and leave the rest built in', () => {
    const engine = createEngine([tpl('partials/rid-glossary-note.md', 'unused'), tpl('rid', 'misnamed')]);
    expect(engine.overridden).toEqual([]);
    expect(engine.unused).toEqual(['my-templates/rid.hbs']);
    const overriding = createEngine([tpl('notices/approval.md', 'Approved: {{modification.id}}')]);
    expect(overriding.overridden).toEqual(['notices/approval.md']);
    expect(overriding.render('notices/approval.md', { modification: { id: 'MP079' } })).toBe('Approved: MP079\n');
  });
});

describe('escaping', () => {
  it('HTML templates escape user text; trusted markup (the chart) passes through', () => {
    const engine = createEngine([tpl('rid.html', '<h1>{{title}}</h1>{{chart}}')]);
    const html = engine.render('rid.html', { title: 'Fix <script>alert(1)</script> & more', chart: new Trusted('<svg></svg>') });
    expect(html).toBe('<h1>Fix &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</h1><svg></svg>\n');
  });

  it('Markdown templates get Markdown-safe text: a | in a title does not break a table row', () => {
    const engine = createEngine([tpl('rid.md', '| {{id}} | {{title}} |\n')]);
    const md = engine.render('rid.md', { id: 'MP1', title: 'Alerts | throttling <b>now</b>\nand [more]' });
    expect(md).toBe('| MP1 | Alerts \\| throttling \\<b\\>now\\</b\\> and \\[more\\] |\n');
    expect(md.split(/(?<!\\)\|/).length - 1).toBe(3);
  });

  it('Markdown output has LF endings, no trailing spaces and at most one blank line in a row', () => {
    const engine = createEngine([tpl('rid.md', '# A  \r\n\r\n\r\n\r\nB\n\n\n')]);
    expect(engine.render('rid.md', {})).toBe('# A\n\nB\n');
  });
});

describe('renderInParts (a page too long for one string: the register)', () => {
  const rows = Array.from({ length: 7 }, (_, i) => ({ id: `MP${i}`, title: `Title <${i}>  ` }));
  const view = { title: 'Register', count: rows.length, rows };
  const list = { partial: 'site-register-rows.html', key: 'rows', size: 3 };

  it('gives, joined, the bytes of the whole page: the page without the rows, then the rows a few at a time', async () => {
    const root = join(FIXTURES, 'sec-2020');
    const model = await loadRepository(root, workTreeSource(root));
    const views = siteReleases(model);
    const register = registerPage(siteContext(model, new Set(views.map((v) => v.planned.id))), views);
    const engine = createEngine([]);
    const parts = [...engine.renderInParts('site/register.html', register, { ...list, size: 2 })];
    expect(parts.length).toBe(2 + Math.ceil(register.rows.length / 2));
    expect(parts.join('')).toBe(engine.render('site/register.html', register));
  });

  it('tidies each part as the whole page (trailing spaces, CRLF), and renders a page that does not include the partial whole', () => {
    const page = tpl('site/register.html', '<h1>{{title}}</h1>   \r\n<table>\n{{> site-register-rows.html}}\n</table>\n\n\n');
    const rowsPartial = tpl('partials/site-register-rows.html', '{{#each rows}}\n<tr><td>{{id}}</td><td>{{title}}</td></tr>  \r\n{{/each}}\n');
    const engine = createEngine([page, rowsPartial]);
    const parts = [...engine.renderInParts('site/register.html', view, list)];
    expect(parts.length).toBe(2 + 3);
    expect(parts.join('')).toBe(engine.render('site/register.html', view));
    expect(parts.join('')).not.toMatch(/ \n|\r/);
    const flat = createEngine([tpl('site/register.html', '{{#each rows}}{{id}}\n{{/each}}'), rowsPartial]);
    expect([...flat.renderInParts('site/register.html', view, list)]).toEqual([flat.render('site/register.html', view)]);
  });
});

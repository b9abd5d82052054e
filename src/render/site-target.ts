// The `site` render target: a static website of the releases and modifications (COM-4) in site/, with the
// Modifications Register, each release's RID and calendar.ics. Relative links only, so the folder can be
// published anywhere; no wall-clock anywhere, so `render --check` is stable (countdowns run in the browser).
import { feedItems } from '../domain/feed.js';
import { releasesToIcs, uidDomainFor } from '../domain/ics.js';
import { workingDaysImplementations } from '../domain/working-days-date.js';
import { ridTarget } from './rid-target.js';
import { current, indexPage, registerPage } from './site-pages.js';
import { modificationPage, modificationPath, siteContext, type SiteContext } from './site-modifications.js';
import { noticesPage } from './site-notices.js';
import { registerCsv, registerJson } from './site-register-data.js';
import { noticesPath, releasePage, releasePath, ridPath, siteReleases } from './site-releases.js';
import type { ReleaseView } from '../domain/releases.js';
import type { Engine } from './engine.js';
import type { OutputFile, RenderTarget } from './targets.js';

export const SITE_DIR = 'site';

export const siteTarget: RenderTarget = {
  // The site always covers the whole repository (whatever --release says), so that every link resolves.
  // Page by page, in this order, each made when asked for (see RenderTarget).
  *render(input) {
    const { model, engine } = input;
    const views = siteReleases(model);
    const ctx = siteContext(model, new Set(views.map((v) => v.planned.id)));
    // RIDs for the releases that have a file or a scope, as `secrel render rid` makes them (Markdown too, so
    // that a broken override of it fails here as there), but inside the site; first, as they always were.
    const withRid = views.filter((v) => (v.entity !== undefined || v.scope.length > 0) && v.planned.cancelled !== true);
    for (const f of ridTarget.render({ ...input, releases: withRid })) {
      if (f.path.endsWith('.html'))
        yield { path: `${SITE_DIR}/${ridPath(f.path.slice('rid/'.length, -'.html'.length))}`, content: withIcon(f.content as string) };
    }
    const ridIds = new Set(withRid.map((v) => v.planned.id));

    const page = (path: string, template: string, view: object): OutputFile => ({
      path: `${SITE_DIR}/${path}`,
      content: engine.render(`site/${template}.html`, view),
    });
    yield* registerFiles(ctx, views, engine, page);
    for (const v of views) {
      // Notices, like RIDs, for the releases with a file or a scope that are not cancelled, as `secrel render
      // notices` makes them: an issued one as it was issued (COM-5).
      const notices = ridIds.has(v.planned.id) ? noticesPage(model, v, engine, input.noticeSnapshots) : undefined;
      if (notices) yield page(noticesPath(v.planned.id), 'notices', { ...notices, current: current('other') });
      yield page(releasePath(v.planned.id), 'release', { ...releasePage(v, ridIds.has(v.planned.id), notices), current: current('other') });
    }
    for (const m of model.modifications) {
      yield page(modificationPath(m.id), 'modification', { ...modificationPage(ctx, m), current: current('other') });
    }
    yield {
      path: `${SITE_DIR}/calendar.ics`,
      content: releasesToIcs(feedItems(model, views), {
        uidDomain: uidDomainFor(model.config.uidDomain, input.repositoryName),
        implementations: workingDaysImplementations(model.modifications, model.config.holidays),
        codeName: model.config.codeName,
        holidays: model.config.holidays,
      }),
    };
  },
};

/**
 * The index and the Modifications Register (page, CSV, JSON), in a generator of their own: its rows (one
 * per modification) are let go once the register is written, not kept while the rest of the site renders.
 */
function* registerFiles(
  ctx: SiteContext,
  views: readonly ReleaseView[],
  engine: Engine,
  page: (path: string, template: string, view: object) => OutputFile,
): Generator<OutputFile> {
  const register = registerPage(ctx, views);
  yield page('index.html', 'index', indexPage(ctx.model, views));
  // 20,000 rows make an 18 MB page: rendered 500 rows at a time and written part by part, never built,
  // tidied or encoded as one string (which took three copies of it at once).
  yield {
    path: `${SITE_DIR}/register.html`,
    content: engine.renderInParts('site/register.html', register, { partial: 'site-register-rows.html', key: 'rows', size: 500 }),
  };
  yield { path: `${SITE_DIR}/register.csv`, content: registerCsv(register.rows, ctx.model.config.codeName) };
  yield { path: `${SITE_DIR}/register.json`, content: registerJson(register.rows) };
}

/**
 * A page without an icon makes browsers ask the host for /favicon.ico, which fails (a console error, and
 * outside the site's folder); the site's own pages declare an empty one, and so do its copies of the RIDs.
 */
export function withIcon(html: string): string {
  return html.includes('rel="icon"') ? html : html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<link rel="icon" href="data:,">');
}

// The site's index and Modifications Register pages as view models; `current` marks the page in the navigation.
import type { ReleaseView } from '../domain/releases.js';
import type { RepoModel } from '../domain/repository.js';
import { releaseSummary, type ReleaseSummary } from './site-releases.js';
import { STATUS_KEYS, governanceOf, impactOf, registerRow, statusOf, type Labelled, type RegisterRow, type SiteContext } from './site-modifications.js';

export interface Current {
  index: boolean;
  register: boolean;
}

export const current = (page: keyof Current | 'other'): Current => ({ index: page === 'index', register: page === 'register' });

export interface IndexPage {
  title: string;
  root: string;
  current: Current;
  releases: ReleaseSummary[];
  releaseCount: number;
  modificationCount: number;
}

export function indexPage(model: RepoModel, views: readonly ReleaseView[]): IndexPage {
  return {
    title: 'Releases',
    root: '',
    current: current('index'),
    releases: views.map((v) => releaseSummary(v, '')),
    releaseCount: views.length,
    modificationCount: model.modifications.length,
  };
}

export interface RegisterPage {
  title: string;
  root: string;
  current: Current;
  rows: RegisterRow[];
  count: number;
  filters: { statuses: Labelled[]; releases: { id: string; name: string }[]; governance: Labelled[]; impacts: Labelled[] };
}

/** Only values that occur are offered, in a fixed order, so every choice finds at least one modification. */
function present(values: readonly Labelled[], order: readonly string[]): Labelled[] {
  const byKey = new Map(values.map((v) => [v.key, v]));
  return [...order, 'none'].flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
}

export function registerPage(ctx: SiteContext, views: readonly ReleaseView[]): RegisterPage {
  const mods = [...ctx.model.modifications].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = mods.map((m) => registerRow(ctx, m));
  const inScope = new Set(rows.flatMap((r) => r.releases.map((x) => x.id)));
  return {
    title: 'Modifications Register',
    root: '',
    current: current('register'),
    rows,
    count: rows.length,
    filters: {
      statuses: present(
        mods.map((m) => statusOf(m.data)),
        STATUS_KEYS,
      ),
      releases: views.filter((v) => inScope.has(v.planned.id)).map((v) => ({ id: v.planned.id, name: v.planned.name })),
      governance: present(
        mods.map((m) => governanceOf(m.data, ctx.model.config.governanceRoutes)),
        ctx.model.config.governanceRoutes.map((r) => r.id),
      ),
      impacts: present(
        mods.map((m) => impactOf(m.data)),
        ['yes', 'no'],
      ),
    },
  };
}

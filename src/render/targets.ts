// The documents `secrel render` can produce, by name. Each target's module is loaded only when asked
// for; a new kind of output (say `site`) is one more entry here and a module with a `render` function.
import type { ReleaseView } from '../domain/releases.js';
import type { RepoModel } from '../domain/repository.js';
import type { DocumentMeta } from './document-meta.js';
import type { Engine, TextParts } from './engine.js';
import type { NoticeSnapshots } from './notices-record.js';

export interface RenderInput {
  model: RepoModel;
  /** The releases to render, in date order. */
  releases: readonly ReleaseView[];
  /** `--release ID`, when given: only that release's documents are wanted. */
  release?: string;
  /** `Section A` → `Definitions and Interpretation` (config `documentTitles`). */
  documentTitles: Readonly<Record<string, string>>;
  engine: Engine;
  /** `render paper --meeting D`: the Panel meeting the paper is for. */
  meeting?: string;
  /** `--as-of`: the date a paper carries. */
  asOf?: string;
  /** What git history says of the issued notices (COM-5): the repository on their issue dates, or where they were recorded. */
  noticeSnapshots?: NoticeSnapshots;
  /** The repository folder's name: the calendar's UID domain when the config names none. */
  repositoryName?: string;
}

/** One generated file: a `/`-separated path inside the output folder, and its whole content. */
export interface OutputFile {
  path: string;
  /** Text (written as UTF-8), text in parts written one after another (a page too large for one string), or the bytes of a binary file (a .docx). */
  content: string | TextParts | Uint8Array;
  /** On a Markdown document that can also be a Word document (`--docx`): what it says about itself. */
  document?: DocumentMeta;
  /** The target writes this document's Word document itself (the paper always does): `--docx` adds no other. */
  wordIncluded?: true;
}

/**
 * A target's files, made one at a time as they are asked for (a generator), so that each can be written
 * and let go before the next is made: nothing holds every page of a large site at once.
 */
export interface RenderTarget {
  render(input: RenderInput): Iterable<OutputFile> | AsyncIterable<OutputFile>;
}

/** A target that renders without waiting (the RID and notices, which other targets reuse). */
export interface SyncRenderTarget extends RenderTarget {
  render(input: RenderInput): Iterable<OutputFile>;
}

export interface TargetEntry {
  name: string;
  /** For `secrel render --help`. */
  summary: string;
  /** Rendered only when asked for by name (it needs options `all` cannot give). */
  byNameOnly?: boolean;
  load(): Promise<RenderTarget>;
}

export const TARGETS: readonly TargetEntry[] = [
  {
    name: 'rid',
    summary: 'the Release Implementation Document: rid/<release>.md and rid/<release>.html',
    load: async () => (await import('./rid-target.js')).ridTarget,
  },
  {
    name: 'notices',
    summary: 'approval, 12-month, 6-month and one-month notices: notices/<release>/*.md (Working Days modifications: notices/working-days/)',
    load: async () => (await import('./notices-target.js')).noticesTarget,
  },
  {
    name: 'paper',
    summary: 'the Panel paper "SEC Releases update" (--release ID --meeting D), RID as Appendix A: papers/<meeting>-<release>.md, .html, .docx',
    byNameOnly: true,
    load: async () => (await import('./paper-target.js')).paperTarget,
  },
  {
    name: 'site',
    summary: 'a static website: site/index.html, a page per release and modification, register.html, calendar.ics',
    load: async () => (await import('./site-target.js')).siteTarget,
  },
];

/** `all` means every target, in the order above. */
export const ALL_TARGETS = 'all';

export function findTargets(name: string): TargetEntry[] | undefined {
  if (name === ALL_TARGETS) return TARGETS.filter((t) => t.byNameOnly !== true);
  const target = TARGETS.find((t) => t.name === name);
  return target ? [target] : undefined;
}

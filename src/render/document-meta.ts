// What a rendered document says about itself beside its text, for the forms that carry it apart from the
// text (a Word document's page header, footer and properties): name, version, date, classification.

export interface DocumentMeta {
  /** Its name in the page header; the Markdown's `#` heading when absent. */
  title?: string;
  /** `1.1`; null for a document without versions (a notice), or a draft RID not yet versioned. */
  version: string | null;
  /** True for a document that has versions (a RID): without one it is a draft. */
  versioned?: boolean;
  /** The date it carries (yyyy-mm-dd): a Word document's created and modified dates. */
  date: string | null;
  /** "Clear", "Amber" …: the Panel Information Policy classification. */
  classification: string;
}

/** Published documents (RIDs, notices, Panel papers for the public session) are Clear (TLP 2.0, once White). */
export const DEFAULT_CLASSIFICATION = 'Clear';

export function classificationLine(classification: string): string {
  return `This document is classified as ${classification} in accordance with the Panel Information Policy.`;
}

/** The version as a page header gives it: `Version 1.1`, `Draft`, or nothing for an unversioned document. */
export function versionLabel(meta: DocumentMeta): string {
  if (meta.version) return `Version ${meta.version}`;
  return meta.versioned ? 'Draft' : '';
}

// The glossary: every acronym secrel knows, and the ones a rendered document actually uses.
//
// The RID's Appendix 2 "lists all the acronyms used in this document", so the list is found from the
// rendered text itself (a first pass without the glossary), not guessed from the data.

/** Acronyms of the SEC world, with the full term as the June 2020 RID and the SEC spell them. */
export const ACRONYMS: Readonly<Record<string, string>> = {
  BSC: 'Balancing and Settlement Code',
  CH: 'Communications Hub',
  CR: 'Change Request',
  CSC: 'Change Sub-Committee',
  CSP: 'Communications Service Provider',
  DCC: 'Data Communication Company',
  DCUSA: 'Distribution Connection and Use of System Agreement',
  DNO: 'Distribution Network Operator',
  DSP: 'Data Service Provider',
  DUIS: 'DCC User Interface Specification',
  GBCS: 'Great Britain Companion Specification',
  GPF: 'Gas Proxy Function',
  HAN: 'Home Area Network',
  IHD: 'In-Home Display',
  IRP: 'Issue Resolution Proposal',
  PIT: 'Pre-Integration Testing',
  PPMID: 'Prepayment Meter Interface Device',
  RID: 'Release Implementation Document',
  SEC: 'Smart Energy Code',
  SECAS: 'Smart Energy Code Administrator and Secretariat',
  SIT: 'System Integration Testing',
  SMETS: 'Smart Metering Equipment Technical Specifications',
  SMKI: 'Smart Metering Key Infrastructure',
  SSC: 'Security Sub-Committee',
  TABASC: 'Technical Architecture and Business Architecture Sub-Committee',
  TAD: 'Testing Approach Document',
  TAG: 'Testing Advisory Group',
  UIT: 'User Integration Testing',
};

export interface GlossaryEntry {
  acronym: string;
  term: string;
}

// Letters and digits on either side make it part of another word: SECAS is not SEC, CR1088 is not CR.
// Only the known acronyms are matched: a RID has thousands of capitalised words, and collecting them all
// took longer.
const WORD = `(?<![A-Za-z0-9])(${Object.keys(ACRONYMS).join('|')})(?![A-Za-z0-9])`;
const KNOWN = new RegExp(WORD, 'g');
// The same in HTML, stepping over style sheets and tags in the same pass.
const KNOWN_IN_HTML = new RegExp(`<[Ss][Tt][Yy][Ll][Ee][\\s\\S]*?<\\/[Ss][Tt][Yy][Ll][Ee]>|<[^>]*>|${WORD}`, 'g');

/** The known acronyms that appear as whole words in `text`, alphabetically. */
export function glossaryFor(text: string): GlossaryEntry[] {
  return entries(new Set(text.match(KNOWN) ?? []));
}

/** `glossaryFor` of the words a reader sees in `html` (no tags, no style sheet), in one pass: a RID's HTML is large. */
export function glossaryForHtml(html: string): GlossaryEntry[] {
  const words = new Set<string>();
  for (const m of html.matchAll(KNOWN_IN_HTML)) if (m[1] !== undefined) words.add(m[1]);
  return entries(words);
}

function entries(words: ReadonlySet<string>): GlossaryEntry[] {
  return Object.keys(ACRONYMS)
    .filter((a) => words.has(a))
    .sort()
    .map((acronym) => ({ acronym, term: ACRONYMS[acronym]! }));
}

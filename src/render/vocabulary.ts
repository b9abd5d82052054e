// The words a document uses for its code, as `@code` in every template: "the June 2020 SEC Release",
// "Smart Energy Code (SEC)", "SECAS" for the SEC; for another code its own name ("DCUSA Release", "the Code
// Administrator"). The rules and their source (the SEC Release Management Policy) stay the SEC's, and the
// DCC's systems and tests stay the DCC's: the README's "Other energy codes" says why.
import type { ResolvedConfig } from '../domain/config.js';

export interface CodeVocabulary {
  /** "SEC", "DCUSA": before "Release", "Parties", "documents". */
  name: string;
  /** "Smart Energy Code (SEC)". */
  title: string;
  /** Who administers the code: "SECAS"; "the Code Administrator" mid-sentence. */
  administrator: string;
  /** The same at the start of a sentence: "SECAS", "The Code Administrator". */
  Administrator: string;
  /** Its full name at first mention: "the Smart Energy Code Administrator and Secretariat (SECAS)". */
  administratorTitle: string;
  /** In a heading, without an article: "SECAS costs", "Code Administrator costs". */
  administratorName: string;
}

export function codeVocabulary(config: Pick<ResolvedConfig, 'code' | 'codeName' | 'codeFullName'>): CodeVocabulary {
  const sec = config.code === 'sec';
  return {
    name: config.codeName,
    title: `${config.codeFullName} (${config.codeName})`,
    administrator: sec ? 'SECAS' : 'the Code Administrator',
    Administrator: sec ? 'SECAS' : 'The Code Administrator',
    administratorTitle: sec ? 'the Smart Energy Code Administrator and Secretariat (SECAS)' : 'the Code Administrator',
    administratorName: sec ? 'SECAS' : 'Code Administrator',
  };
}

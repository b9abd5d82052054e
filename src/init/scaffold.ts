// Every file `secrel init` writes, as (path, content) pairs: pure, so the same as-of date gives the same bytes.
import type { IsoDate } from '../domain/dates.js';
import { SCHEMAS } from '../generated/schemas.js';
import { EXAMPLE_MODIFICATION, SCHEMA_DIR, configFile, modificationFile, releaseFile } from './data-files.js';
import { exampleRelease, type ExampleRelease } from './example-release.js';
import { ciWorkflowFile, gitattributesFile, preCommitConfigFile, type SecrelSource } from './tooling-files.js';

export interface ScaffoldFile {
  /** Relative to the new repository's root, `/`-separated. */
  path: string;
  content: string;
  /** One line for the user: what the file is for. */
  purpose: string;
}

export interface Scaffold {
  example: ExampleRelease;
  files: ScaffoldFile[];
}

export function scaffold(asOf: IsoDate, version: string, secrelRepo?: string): Scaffold {
  const source: SecrelSource = { repo: secrelRepo, rev: `v${version}` };
  const example = exampleRelease(asOf);
  const p = example.release.planned;
  const schemas = Object.keys(SCHEMAS).sort().map((name): ScaffoldFile => ({
    path: `${SCHEMA_DIR}/${name}.schema.json`,
    // The shipped schema, byte for byte (the schema files are written as 2-space JSON).
    content: `${JSON.stringify(SCHEMAS[name], null, 2)}\n`,
    purpose: `JSON Schema for ${name} files, for editors (secrel ${version})`,
  }));
  return {
    example,
    files: [
      { path: 'secrel.config.yaml', content: configFile(), purpose: 'configuration: the release cycle, holidays, freezes, paths (all defaults)' },
      { path: `releases/${p.id}.yaml`, content: releaseFile(example), purpose: `the ${p.name}, ${p.type === 'system' ? 'a System' : 'a Documentation'} Release` },
      { path: `modifications/${EXAMPLE_MODIFICATION}.yaml`, content: modificationFile(example, asOf), purpose: `an example modification targeting ${p.id}` },
      ...schemas,
      { path: '.gitattributes', content: gitattributesFile(), purpose: 'LF line endings everywhere (CRLF calendars left alone)' },
      { path: '.pre-commit-config.yaml', content: preCommitConfigFile(source), purpose: 'pre-commit hook: secrel validate on staged YAML' },
      { path: '.github/workflows/secrel.yml', content: ciWorkflowFile(source), purpose: 'CI: checks on pull requests, RID bump and render on merge' },
    ],
  };
}

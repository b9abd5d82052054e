// Every file `secrel init` writes, as (path, content) pairs: pure, so the same as-of date gives the same bytes.
import { resolveConfig } from '../domain/config.js';
import type { IsoDate } from '../domain/dates.js';
import { PRESETS, type CodeId } from '../domain/presets.js';
import { SCHEMAS } from '../generated/schemas.js';
import { PLACEHOLDER_CYCLES, SCHEMA_DIR, configFile, modificationFile, releaseFile } from './data-files.js';
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
  /** The example modification's id (the code's form: EXAMPLE001 for the SEC, P999 for the BSC…). */
  modification: string;
  files: ScaffoldFile[];
}

/** The bundled JSON Schemas as init copies them (and `secrel schemas --out` refreshes them), by name. */
export function schemaFiles(): { name: string; file: string; content: string }[] {
  // The shipped schema, byte for byte (the schema files are written as 2-space JSON).
  return Object.keys(SCHEMAS)
    .sort()
    .map((name) => ({ name, file: `${name}.schema.json`, content: `${JSON.stringify(SCHEMAS[name], null, 2)}\n` }));
}

export function scaffold(asOf: IsoDate, version: string, code: CodeId = 'sec', secrelRepo?: string, uidDomain?: string): Scaffold {
  const source: SecrelSource = { repo: secrelRepo, rev: `v${version}` };
  const preset = resolveConfig({}, code);
  // A code without a public day rule starts from the placeholder cycle its config file spells out.
  const placeholder = PLACEHOLDER_CYCLES[code];
  const config = preset.cycle.entries.length === 0 && placeholder ? { ...preset, cycle: { ...preset.cycle, entries: placeholder } } : preset;
  const example = exampleRelease(asOf, config);
  const modification = PRESETS[code].exampleModification;
  const p = example.release.planned;
  const schemas = schemaFiles().map(({ name, file, content }): ScaffoldFile => ({
    path: `${SCHEMA_DIR}/${file}`,
    content,
    purpose: `JSON Schema for ${name} files, for editors (secrel ${version})`,
  }));
  const sec = code === 'sec';
  return {
    example,
    modification,
    files: [
      {
        path: 'secrel.config.yaml',
        content: configFile(sec ? undefined : config, uidDomain),
        purpose: sec
          ? 'configuration: the release cycle, holidays, freezes, paths (the defaults), the calendar UID domain'
          : `configuration: the ${config.codeName} preset, its release cycle, holidays, freezes, paths, the calendar UID domain`,
      },
      {
        path: `releases/${p.id}.yaml`,
        content: releaseFile(example),
        purpose: `the ${p.name}, ${sec ? (p.type === 'system' ? 'a System Release' : 'a Documentation Release') : `a ${p.kindName}`}`,
      },
      {
        path: `modifications/${modification}.yaml`,
        content: modificationFile(example, asOf, sec ? undefined : config, modification),
        purpose: `an example modification targeting ${p.id}`,
      },
      ...schemas,
      { path: '.gitattributes', content: gitattributesFile(), purpose: 'LF line endings everywhere (CRLF calendars and CSV left alone)' },
      { path: '.pre-commit-config.yaml', content: preCommitConfigFile(source), purpose: 'pre-commit hook: secrel validate on staged YAML' },
      { path: '.github/workflows/secrel.yml', content: ciWorkflowFile(source), purpose: 'CI: checks on pull requests, RID bump and render on merge' },
    ],
  };
}

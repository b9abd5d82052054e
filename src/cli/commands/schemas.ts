// `secrel schemas`: the JSON Schemas editors read: where this secrel keeps them, or fresh copies in a folder.
import type { Command } from 'commander';
import { examples, type Run } from '../program.js';

/** `secrel schemas [--out DIR]`. */
export interface SchemasOptions {
  out?: string;
}

export function defineSchemas(program: Command, run: Run): Command {
  return program
    .command('schemas')
    .description("the JSON Schemas for editors: where this secrel's own copies are, or --out DIR to write (refresh) copies there")
    .option('--out <dir>', 'write the schemas into this folder, e.g. .secrel/schemas (the copies `secrel init` makes); files already up to date are left alone')
    .addHelpText(
      'after',
      examples([
        'secrel schemas                          # where the installed package keeps them',
        'secrel schemas --out .secrel/schemas    # after upgrading secrel: refresh the copies init made',
      ]) +
        `
Each YAML file names its schema on its first line, e.g.
  # yaml-language-server: $schema=../.secrel/schemas/release.schema.json
which VS Code's YAML extension (and any editor using yaml-language-server) turns
into completion, hover help and checks as you type. Writes are atomic; exit 0,
or 2 when the folder cannot be written.
`,
    )
    .action((opts: SchemasOptions, cmd: Command) => run(cmd, () => import('../actions/schemas.js'), opts, ['text', 'json']));
}

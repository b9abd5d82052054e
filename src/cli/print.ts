// Prints findings in the chosen format and decides the exit code (1 when any error).
import { summarise, type Finding } from '../domain/findings.js';
import type { Context } from './context.js';
import { formatFindingsGithub, formatFindingsJson, formatFindingsText, plural, summaryLine } from './report/findings.js';

export function printFindings(ctx: Context, root: string, findings: readonly Finding[], info: { checked: number }): number {
  const displayPath = (file: string) => ctx.displayPath(root, file);
  const summary = summarise(findings);
  if (ctx.format === 'json') ctx.io.stdout(formatFindingsJson(findings));
  else if (ctx.format === 'github') ctx.io.stdout(formatFindingsGithub(findings, { displayPath }));
  else {
    const body = formatFindingsText(findings, { displayPath, chalk: ctx.chalk });
    const line = findings.length ? summaryLine(summary) : `${plural(info.checked, 'file')} checked, no problems found`;
    const colour = summary.errors ? ctx.chalk.red.bold : summary.warnings ? ctx.chalk.yellow.bold : ctx.chalk.green;
    ctx.io.stdout(`${body}${body ? '\n' : ''}${colour(line)}\n`);
  }
  return summary.errors > 0 ? 1 : 0;
}

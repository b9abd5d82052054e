// The timetable chart as a Mermaid `gantt` block, which GitHub and GitLab draw in Markdown previews.
import type { GanttChart } from './gantt.js';

// Mermaid splits a task line at ':' and treats ';' and '#' specially; a backtick could close the fence, and
// angle brackets could read as markup in a label.
function label(text: string): string {
  return (
    text
      .replace(/[:;#`<>\r\n]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || '(untitled)'
  );
}

export function mermaidGantt(chart: GanttChart): string {
  const lines = ['gantt', `    title ${label(chart.title)}`, '    dateFormat YYYY-MM-DD', '    axisFormat %b %Y'];
  let n = 0;
  for (const section of chart.sections) {
    lines.push(`    section ${label(section.name)}`);
    for (const task of section.tasks) {
      n++;
      lines.push(
        task.end === null ? `    ${label(task.label)} :milestone, t${n}, ${task.start}, 0d` : `    ${label(task.label)} :t${n}, ${task.start}, ${task.end}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

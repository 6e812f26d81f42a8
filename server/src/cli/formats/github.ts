import type { CheckReport } from '../report';
import { severityName } from '../report';
import { summaryLine } from './text';

/** GitHub shows information and hints as notices: it has no finer level. */
const COMMANDS = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/** A command's message: %, CR and LF would end or corrupt the command. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as its message, and ':' and ',' would end the value. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one `::error file=…,line=…::message` per
 * diagnostic, which GitHub turns into annotations on the pull request, then
 * the summary line. Lines and columns are 1-based, the end column exclusive,
 * as in the text format.
 */
export function formatGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(`fleet-roles ${String(d.code)}`)}`,
      ];
      lines.push(`::${COMMANDS[severityName(d.severity)]} ${properties.join(',')}::${escapeData(d.message)}`);
    }
  }
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

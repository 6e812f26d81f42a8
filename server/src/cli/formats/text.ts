import type { CheckReport } from '../report';
import { severityName } from '../report';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A compiler's format: `path:line:col severity code message`, 1-based, then a summary line. */
export function formatText(report: CheckReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      lines.push(`${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d.severity)} ${d.code} ${d.message}`);
    }
  }
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

/** `N files checked, N roles indexed: N errors, N warnings.` */
export function summaryLine(report: CheckReport): string {
  const { files, roles, errors, warnings } = report.summary;
  return `${plural(files, 'file')} checked, ${plural(roles, 'role')} indexed: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}

import type { CheckReport } from '../report';
import { severityName } from '../report';
import { counted } from '../../core';

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
  return `${counted(files, 'file')} checked, ${counted(roles, 'role')} indexed: ${counted(errors, 'error')}, ${counted(warnings, 'warning')}.`;
}

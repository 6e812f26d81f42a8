import { DIAGNOSTIC_CODES, diagnosticPage, type DiagnosticCode } from '../../core';
import type { CheckReport } from '../report';
import { severityName } from '../report';

const LEVELS = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/**
 * SARIF 2.1.0 for code-scanning tools. Columns are 1-based UTF-16 code units,
 * SARIF's default, so they match the editor's.
 */
export function formatSarif(report: CheckReport, version: string): string {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const rules = codes.map(code => ({
    id: code,
    shortDescription: { text: DIAGNOSTIC_CODES[code].summary },
    helpUri: diagnosticPage(code),
    defaultConfiguration: { level: LEVELS[severityName(DIAGNOSTIC_CODES[code].severity)] },
  }));
  const results = report.files.flatMap(file =>
    file.diagnostics.map(d => ({
      ruleId: String(d.code),
      ruleIndex: codes.indexOf(d.code as DiagnosticCode),
      level: LEVELS[severityName(d.severity)],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  return (
    JSON.stringify(
      {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'fleet-roles', version, rules } },
            columnKind: 'utf16CodeUnits',
            results,
          },
        ],
      },
      null,
      2,
    ) + '\n'
  );
}

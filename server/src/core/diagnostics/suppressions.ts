import type { Diagnostic } from 'vscode-languageserver-types';
import type { SeveritySetting } from '../config/configFile';
import { DIAGNOSTIC_SEVERITY } from '../config/severitySettings';
import type { ParsedRole } from '../parse/roleFile';
import { isQuiet } from './quietDiagnostics';

const DIRECTIVE = /^<!--\s*fleet-roles-disable(-next-line|-line)?\b([^>]*?)-->$/;

interface Silence {
  /** undefined: the whole file. */
  line?: number;
  /** Empty: every code. */
  codes: string[];
}

/**
 * What the author asked to silence, as linters let them: the configuration's
 * severity per code ('off' drops it), and HTML comments in the file —
 * `<!-- fleet-roles-disable [codes] -->` for the file,
 * `<!-- fleet-roles-disable-next-line [codes] -->` and
 * `<!-- fleet-roles-disable-line [codes] -->` for one line.
 */
export function applySuppressions(diagnostics: Diagnostic[], role: ParsedRole, severity: Readonly<Record<string, SeveritySetting>>): Diagnostic[] {
  const silences = directives(role);
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const code = String(d.code);
    const setting = severity[code];
    if (setting === 'off') continue;
    if (silences.silenced(d.range.start.line, code)) continue;
    out.push(setting && !isQuiet(d) ? { ...d, severity: DIAGNOSTIC_SEVERITY[setting] } : d);
  }
  return out;
}

/** The directives of a file, by line: a file with thousands of them and thousands of diagnostics asks each line's alone. */
class Silences {
  private readonly wholeFile: Silence[] = [];
  private readonly byLine = new Map<number, Silence[]>();

  add(silence: Silence): void {
    if (silence.line === undefined) this.wholeFile.push(silence);
    else {
      const onLine = this.byLine.get(silence.line);
      if (onLine) onLine.push(silence);
      else this.byLine.set(silence.line, [silence]);
    }
  }

  silenced(line: number, code: string): boolean {
    const covers = (s: Silence) => s.codes.length === 0 || s.codes.includes(code);
    return this.wholeFile.some(covers) || (this.byLine.get(line)?.some(covers) ?? false);
  }
}

function directives(role: ParsedRole): Silences {
  const silences = new Silences();
  for (const comment of role.comments) {
    const m = DIRECTIVE.exec(role.lines.text.slice(comment.start, comment.end));
    if (!m) continue;
    const codes = m[2].split(/[\s,]+/).filter(Boolean);
    const line = role.lines.lineAt(comment.end);
    silences.add({ codes, line: m[1] === '-next-line' ? line + 1 : m[1] === '-line' ? role.lines.lineAt(comment.start) : undefined });
  }
  return silences;
}

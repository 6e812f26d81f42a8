import { SLUG_PATTERN } from '../util/slug';
import type { ConfigFileContent } from './configSchema';
import { unboundedGlobReason } from './linearGlob';
import { BUILTIN_FORMAT_NAMES } from './roleFormat';
import { CONFIGURABLE_CODES } from './severityKeys';
import { SEVERITY_SETTINGS } from './severitySettings';

const SEVERITIES: ReadonlySet<string> = new Set(SEVERITY_SETTINGS);
const CONFIGURABLE: ReadonlySet<string> = new Set(CONFIGURABLE_CODES);
const KEYS = new Set(['$schema', 'roleFolders', 'exclude', 'domains', 'index', 'format', 'severity']);
const BUILTINS: ReadonlySet<string> = new Set(BUILTIN_FORMAT_NAMES);

/**
 * The configuration as the schema reads it, when it is valid; undefined when
 * it is not, or when it is unusual enough (a `__proto__` or `constructor`
 * key, which zod treats specially) that only the schema should decide. Checking a valid file by hand spares loading zod,
 * the largest module of the CLI and the server, at every start: zod is
 * loaded only to word the problems of an invalid one. A test holds this to
 * the schema's answer for every value it accepts.
 */
export function readValidConfig(value: unknown): ConfigFileContent | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!KEYS.has(key)) return undefined;
    const field = value[key];
    const read = key === 'severity' ? readSeverity(field)
      : key === 'domains' ? readStrings(field, s => SLUG_PATTERN.test(s), 1)
        : key === 'roleFolders' ? readStrings(field, s => s.length > 0, 0)
          : key === 'exclude' ? readStrings(field, s => s.length > 0 && unboundedGlobReason(s) === undefined, 0)
          : key === 'index' ? (typeof field === 'string' && field.length > 0 ? field : undefined)
            // A format of one's own is the schema's to read: it is rare, and has many parts.
            : key === 'format' ? (typeof field === 'string' && BUILTINS.has(field) ? field : undefined)
            : typeof field === 'string' ? field : undefined;
    if (read === undefined) return undefined;
    out[key] = read;
  }
  return out as ConfigFileContent;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readStrings(value: unknown, valid: (s: string) => boolean, min: number): string[] | undefined {
  if (!Array.isArray(value) || value.length < min) return undefined;
  return value.every(s => typeof s === 'string' && valid(s)) ? [...value] : undefined;
}

function readSeverity(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    const setting = value[key];
    if (!CONFIGURABLE.has(key) || typeof setting !== 'string' || !SEVERITIES.has(setting)) return undefined;
    out[key] = setting;
  }
  return out;
}

import { SLUG_PATTERN } from '../util/slug';
import type { ConfigFileContent } from './configSchema';
import { unboundedGlobReason } from './linearGlob';
import { BUILTIN_FORMAT_NAMES, type BuiltinFormatName } from './builtinFormatNames';
import { CONFIGURABLE_CODES } from './severityKeys';
import { SEVERITY_SETTINGS, type SeveritySetting } from './severitySettings';

const SEVERITIES: ReadonlySet<string> = new Set(SEVERITY_SETTINGS);
const CONFIGURABLE: ReadonlySet<string> = new Set(CONFIGURABLE_CODES);
const BUILTINS: ReadonlySet<string> = new Set(BUILTIN_FORMAT_NAMES);

/** A key's value as the schema reads it when it is plainly valid, else undefined. */
type Reader<T> = (field: unknown) => T | undefined;

/**
 * One reader per key of the schema, no more: the keys are the schema's type's,
 * so a key added to configSchema does not compile until it is read here.
 */
const READ_BY_KEY: { readonly [K in keyof ConfigFileContent]-?: Reader<ConfigFileContent[K]> } = {
  $schema: field => (typeof field === 'string' ? field : undefined),
  roleFolders: field => readStrings(field, s => s.length > 0, 0),
  exclude: field => readStrings(field, s => s.length > 0 && unboundedGlobReason(s) === undefined, 0),
  domains: field => readStrings(field, s => SLUG_PATTERN.test(s), 1),
  index: field => (typeof field === 'string' && field.length > 0 ? field : undefined),
  // A format of one's own is the schema's to read: it is rare, and has many parts.
  format: field => (isOneOf<BuiltinFormatName>(field, BUILTINS) ? field : undefined),
  severity: field => readSeverity(field),
};
// A map, not the object: a key such as `constructor` must find nothing.
const READERS: ReadonlyMap<string, Reader<unknown>> = new Map(Object.entries(READ_BY_KEY));

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
    const read = READERS.get(key)?.(value[key]);
    if (read === undefined) return undefined;
    out[key] = read;
  }
  return out as ConfigFileContent;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOneOf<T extends string>(value: unknown, allowed: ReadonlySet<string>): value is T {
  return typeof value === 'string' && allowed.has(value);
}

function readStrings(value: unknown, valid: (s: string) => boolean, min: number): string[] | undefined {
  if (!Array.isArray(value) || value.length < min) return undefined;
  return value.every(s => typeof s === 'string' && valid(s)) ? [...value] : undefined;
}

function readSeverity(value: unknown): Record<string, SeveritySetting> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, SeveritySetting> = {};
  for (const key of Object.keys(value)) {
    const setting = value[key];
    if (!CONFIGURABLE.has(key) || !isOneOf<SeveritySetting>(setting, SEVERITIES)) return undefined;
    out[key] = setting;
  }
  return out;
}

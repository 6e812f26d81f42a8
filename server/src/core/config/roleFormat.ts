import type { DeclarationPlace, ReferenceForm, ValueType } from '../parse/parseRules';
import type { DiagnosticCode } from './diagnosticCodes';
import type { SeveritySetting } from './severitySettings';

/** The formats the project knows by name. */
export const BUILTIN_FORMAT_NAMES = ['fleet', 'claude-code', 'copilot-agents'] as const;
export type BuiltinFormatName = (typeof BUILTIN_FORMAT_NAMES)[number];

/** The codes a declaration's problems are reported under; the fleet's contract names its own, other formats share the generic ones. */
export interface DeclarationCodes {
  missing?: DiagnosticCode;
  invalid?: DiagnosticCode;
  unknown?: DiagnosticCode;
}

/** A key and the value a role declares it with. */
export interface KeyValue {
  key: string;
  value: string;
}

/** One key a role declares, and what its value must be. */
export interface DeclarationSpec {
  key: string;
  /** Where it may be written; default the frontmatter. */
  in?: DeclarationPlace;
  required?: boolean;
  /** Where the role declares this key with this value, a required key is not (Copilot's `description` with `target: vscode`). */
  requiredUnless?: KeyValue;
  /** Default string; `list` takes a YAML list or a comma-separated string; `any` is not checked. */
  type?: ValueType;
  /** The values it may take (besides those `pattern` accepts). */
  values?: string[];
  /**
   * The tool adds values with its releases (Claude Code's model aliases): a
   * value that is no near miss of a listed one may be newer than the list,
   * and is a hint, not an `unknown-value`.
   */
  open?: boolean;
  /** Take the values from the library's domains (the fleet's `domain`). */
  valuesFrom?: 'domains';
  /** A regular expression (JavaScript syntax) the whole value must match. */
  pattern?: string;
  /** What the pattern asks for, in words, for messages: "a kebab-case slug such as 'project-manager'". */
  patternHint?: string;
  /** The plural of the key in messages ("Known domains: …"). */
  plural?: string;
  /** For a boolean, how hover names true and false ("persistent", "transient"). */
  labels?: [string, string];
  /** A key the tool no longer reads: what replaces it, in words ("use `user-invocable` and …"); reported as deprecated-key. */
  deprecated?: string;
  /** The severity of every problem with this key, instead of its code's. */
  severity?: Exclude<SeveritySetting, 'off'>;
  codes?: DeclarationCodes;
}

export interface RoleFormat {
  name: string;
  /** Where role files live, relative to the library's root, found with no configuration; empty: every folder named `roles`. */
  folders: string[];
  /** The end of a role file's name: '.md', or '.agent.md'; new role files get it. */
  extension: string;
  /** Whether any other `.md` file of the role folders is a role too (VS Code reads every `.md` file in `.github/agents`). */
  anyMarkdown: boolean;
  /** The library's documents: 'upper-case' names (README.md, LIBRARY.md), or glob patterns of file names. */
  documents: 'upper-case' | string[];
  /**
   * The key that names the role, and whether it must agree with the file's name. `nameFrom`: what the
   * role is called where others refer to it: the file's name (`file`, the default), or the key's
   * value when the file declares one, else the file's name (`key`: Copilot's display names).
   */
  identity: { key?: string; matchFile: boolean; nameFrom?: 'file' | 'key'; codes?: { mismatch?: DiagnosticCode; duplicate?: DiagnosticCode } };
  declarations: DeclarationSpec[];
  /** `report`: every key the format does not declare; `near-miss`: only those close to a declared key (a typo). */
  unknownKeys: 'report' | 'near-miss';
  /** Whether a `# Title` line must open the body. */
  title: 'required' | 'optional';
  sections: { required: string[]; recommended: string[] };
  references: {
    /** Sections whose references must name roles, and whose every bullet should name one. */
    sections: string[];
    /** Label lines ("Integration with other agents:") whose following list names roles. */
    labels: string[];
    /** Frontmatter keys whose values name roles: `agents[]`, `handoffs[].agent`. */
    keys: string[];
    /** Forms beyond bold and links counted in those sections and lists: `code`, `plain`. */
    forms: ReferenceForm[];
    /** Tool rules whose arguments name agents, in the keys that list tools: `Agent(worker, researcher)`. */
    toolRules: string[];
    /** Agents the tool provides itself (Claude Code's Explore, Copilot's Agent): a reference to one is not unknown; compared without case. */
    builtins: string[];
  };
  /**
   * Keys that list tools; the tools known by name, and patterns of others (MCP tools). `open`: the
   * tool adds tools with its releases, so a name that is no near miss of a known one is a hint.
   */
  tools: { keys: string[]; known: string[]; patterns: string[]; open?: boolean };
  /** Severity per code for this format, before the configuration's own `severity`. */
  severity: Record<string, SeveritySetting>;
  /** The most characters the body (the agent's prompt) may hold, unless the role declares `unless` (GitHub's cap, which VS Code does not have). */
  promptLimit?: { characters: number; unless?: KeyValue };
}

/** What `format` in fleet-roles.json holds: a built-in's name, or a format of one's own, extending a built-in or not. */
export type FormatSetting = BuiltinFormatName | (Partial<Omit<RoleFormat, 'sections' | 'references' | 'tools' | 'identity' | 'declarations'>> & {
  extends?: BuiltinFormatName;
  /** `addValues`: values added to those the declaration has (a model alias newer than the built-in list). */
  declarations?: Array<DeclarationSpec & { addValues?: string[] }>;
  identity?: Partial<RoleFormat['identity']>;
  sections?: Partial<RoleFormat['sections']>;
  references?: Partial<RoleFormat['references']>;
  /** `addKnown`: tools added to those the format knows (a tool newer than the built-in list). */
  tools?: Partial<RoleFormat['tools']> & { addKnown?: string[] };
});

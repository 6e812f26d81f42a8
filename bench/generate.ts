/**
 * A deterministic generator of role libraries for the benchmark and the
 * work-count regression test. The same seed and size always give the same
 * files, byte for byte.
 *
 * A library is a folder with a `fleet-roles.json` (its domains), and a
 * `roles/` folder holding one file per role and a `LIBRARY.md` that lists
 * every role. Roles use both declaration forms (frontmatter and inline code
 * spans); their Boundaries name other roles in bold and as links (some with
 * a `#mandate` fragment), and about 3% of those references are broken: a
 * near miss of a real name (so a did-you-mean is computed) or a name with
 * no close role.
 *
 *   node out/bench/generate.js 1000 [DIR]    writes a library and prints its folder
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';

/** mulberry32: a small, fast, seeded PRNG, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUALIFIERS = ['senior', 'lead', 'principal', 'junior', 'staff', 'chief', 'associate', 'regional', 'global', 'field', 'deputy', 'interim'];
const AREAS = [
  'payments',
  'billing',
  'onboarding',
  'platform',
  'data',
  'risk',
  'compliance',
  'growth',
  'content',
  'logistics',
  'pricing',
  'identity',
  'search',
  'mobile',
  'network',
  'storage',
  'analytics',
  'partner',
  'vendor',
  'treasury',
  'tax',
  'audit',
  'brand',
  'community',
  'events',
  'facilities',
  'fleet',
  'fraud',
  'hiring',
  'learning',
  'localization',
  'messaging',
  'observability',
  'payroll',
  'privacy',
  'procurement',
  'quality',
  'release',
  'retention',
  'revenue',
  'safety',
  'sourcing',
  'supply',
  'sustainability',
  'telemetry',
  'training',
  'travel',
  'warehouse',
  'wellness',
  'workflow',
  'accessibility',
  'api',
  'catalog',
  'checkout',
  'claims',
  'contracts',
  'design-system',
  'documentation',
  'experiment',
  'infrastructure',
];
const NOUNS = [
  'manager',
  'analyst',
  'engineer',
  'specialist',
  'coordinator',
  'architect',
  'strategist',
  'officer',
  'designer',
  'auditor',
  'planner',
  'consultant',
  'researcher',
  'operator',
  'steward',
  'advocate',
  'administrator',
  'controller',
  'director',
  'lead-editor',
];

export const DOMAINS = [
  'operations',
  'delivery',
  'business',
  'hr',
  'engineering',
  'product',
  'design',
  'finance',
  'legal',
  'sales',
  'marketing',
  'support',
  'security',
  'data',
  'research',
  'executive',
  'quality',
  'strategy',
  'it',
  'customer-success',
];

const LANES = [
  ['Does NOT run one-off initiatives', 'bounded, time-boxed change is the', "'s lane; this seat owns the steady state."],
  ['Does NOT author the spec', 'requirements and process design come from the', '; this role runs and refines what is defined.'],
  ['Does NOT own staffing policy', 'hiring, onboarding, and employee relations belong to the', ', even when the headcount gap is felt here.'],
  ['Does NOT set prices', 'list prices and discount bands are decided by the', '; this role applies them.'],
  ['Does NOT sign contracts', 'legal commitments are reviewed and signed by the', '; this role prepares the facts.'],
  ['Does NOT approve spend', 'budgets and purchase approvals sit with the', ', whatever the urgency.'],
  ['Does NOT ship code', 'changes to production systems are made by the', '; this role files the request.'],
  ['Does NOT talk to the press', 'public statements are owned by the', "'s lane; this role briefs them."],
  ['Does NOT triage incidents', 'pages, outages and incident command belong to the', '; this role joins the review.'],
  ['Does NOT define the roadmap', 'what is built next is decided by the', ', with this role as an input.'],
  ['Does NOT audit itself', 'independent review of these controls is done by the', '; this role supplies the evidence.'],
  ['Does NOT handle escalations', 'customer escalations beyond the first answer go to the', "'s queue."],
] as const;

const MANDATES = [
  ['Run the standing processes', 'own the workflows that deliver output every day, and keep them within their SLAs.'],
  ['Protect throughput', 'monitor flow, find bottlenecks, and intervene to keep work moving at the required rate.'],
  ['Own the metrics', 'track cycle time, queue depth, and error rates, and act on them before they breach commitments.'],
  ['Continuously improve', 'fold recurring exceptions back into better standard process so the same fire is not fought twice.'],
  ['Keep the record', 'write down every decision with its reason, so the next seat can pick up the thread.'],
  ['Answer on time', 'reply to every request inside the agreed window, even when the answer is "not yet".'],
  ['Mind the budget', 'spend within the plan, and flag any drift before the quarter closes.'],
] as const;

const PERSONAS = [
  'A steady operator who reads dashboards like a pulse. Its value is reliability: keeping the line inside its SLA, escalating the right exception at the right time, and turning chaos into repeatable routine.',
  'A careful analyst who trusts numbers over anecdotes. It asks for the source of every figure and writes its conclusions so that a newcomer can check them.',
  'A calm negotiator who listens first. It keeps every party informed and never promises what another lane has not agreed to.',
  'A pragmatic builder who prefers the smallest change that works. It measures before and after, and rolls back without regret.',
  'A patient teacher who turns tribal knowledge into written process, one checklist at a time.',
] as const;

export interface GeneratedLibrary {
  /** Relative paths ('/' separators) to text: `fleet-roles.json`, `roles/*.md`, `roles/LIBRARY.md`. */
  files: Map<string, string>;
  /** Every file but `fleet-roles.json`: the roles and the index, each of which the checks report on. */
  markdownFiles: number;
  /** Every role's name (file stem), in generation order. */
  roles: string[];
  /** Role name → relative paths of the role files that refer to it in their Boundaries (LIBRARY.md excluded). */
  referrers: Map<string, string[]>;
  /** Boundaries references whose role does not exist: the expected `unknown-role` diagnostics. */
  broken: number;
  /** Broken references written as links (the ones a Markdown link checker can see). */
  brokenLinks: number;
  /** Relative path of a role file → its broken references: the `unknown-role` diagnostics that file alone must report. */
  brokenIn: Map<string, number>;
  /** Links with a `#mandate` fragment to an existing role, by file: where the peer's go-to-definition has an answer. */
  fragmentLinks: number;
  /** The first role file that uses each declaration form, for benchmarks that want one of each. */
  sample: { frontmatter: string; inline: string };
}

/** Half the 4 MiB a role file may have: the index of links up to about 20,000 roles, bold names above. */
const INDEX_MAX_BYTES = 2 * 1024 * 1024;

export interface GenerateOptions {
  roles: number;
  seed?: number;
  /** Share of Boundaries references that name no role; 0.03 by default. */
  brokenRate?: number;
  /** The most bytes of an index of links, above which it lists bold names; INDEX_MAX_BYTES by default. */
  indexMaxBytes?: number;
}

function titleOf(slug: string): string {
  return slug
    .split('-')
    .map(w => (w === 'hr' || w === 'api' || w === 'it' ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}

/** Every name the word lists can make, two-part names first, in a seeded order. */
function roleNames(count: number, random: () => number): string[] {
  const names: string[] = [];
  for (const area of AREAS) for (const noun of NOUNS) names.push(`${area}-${noun}`);
  for (const q of QUALIFIERS) for (const area of AREAS) for (const noun of NOUNS) names.push(`${q}-${area}-${noun}`);
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [names[i], names[j]] = [names[j], names[i]];
  }
  if (count > names.length) {
    // Past the word lists (over 15,600 roles), numbered variants keep names unique.
    const base = names.slice();
    for (let i = 0; names.length < count; i++) names.push(`${base[i % base.length]}-${Math.floor(i / base.length) + 2}`);
  }
  return names.slice(0, count);
}

/** A near miss of a real name: two adjacent letters swapped, or one dropped. */
function misspell(name: string, random: () => number): string {
  const chars = name.split('');
  const letters = chars.map((c, i) => (c !== '-' ? i : -1)).filter(i => i > 0);
  const i = letters[Math.floor(random() * letters.length)];
  if (random() < 0.5 && i + 1 < chars.length && chars[i + 1] !== '-' && chars[i] !== chars[i + 1]) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  else chars.splice(i, 1);
  return chars.join('').replace(/--+/g, '-').replace(/-$/, '');
}

export function generateLibrary(options: GenerateOptions): GeneratedLibrary {
  const random = prng(options.seed ?? 20240601);
  const brokenRate = options.brokenRate ?? 0.03;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const names = roleNames(options.roles, random);
  const existing = new Set(names);
  // A few roles are hubs that many boundaries name, as in a real fleet.
  const hubs = names.slice(0, Math.max(5, Math.floor(names.length * 0.02)));
  const domainOf = new Map(names.map(n => [n, pick(DOMAINS)]));

  const files = new Map<string, string>();
  const referrers = new Map<string, string[]>();
  let broken = 0;
  let brokenLinks = 0;
  const brokenIn = new Map<string, number>();
  let fragmentLinks = 0;
  const sample = { frontmatter: '', inline: '' };

  const otherRole = (self: string): string => {
    for (;;) {
      const name = random() < 0.25 ? pick(hubs) : pick(names);
      if (name !== self) return name;
    }
  };
  const brokenName = (): string => {
    for (;;) {
      const name =
        random() < 0.5
          ? misspell(pick(names), random)
          : `${pick(['legacy', 'former', 'shadow', 'virtual'])}-${pick(['mainframe', 'ledger', 'oracle', 'quorum'])}-${pick(['whisperer', 'keeper', 'wrangler'])}`;
      if (!existing.has(name) && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) return name;
    }
  };

  for (const name of names) {
    const path = `roles/${name}.md`;
    const domain = domainOf.get(name)!;
    const persistent = random() < 0.4;
    const form = random() < 0.5 ? 'frontmatter' : 'inline';
    if (!sample[form]) sample[form] = path;
    const out: string[] = [];
    if (form === 'frontmatter') {
      out.push('---', `class: ${name}`, `domain: ${domain}`, `persistent_persona: ${persistent}`);
      if (random() < 0.3) out.push(`owner: ${pick(['ops-guild', 'people-team', 'platform-council'])}`);
      out.push('---');
    }
    out.push(`# ${titleOf(name)} — fleet role definition`, '');
    if (form === 'inline') {
      out.push(
        `The **${name}** is the system's **${pick(['day-to-day', 'long-range', 'first-line', 'final'])} ${pick(['throughput', 'quality', 'decision', 'knowledge'])} owner**`,
        `(\`class: ${name}\`, \`domain: ${domain}\`). It owns the running work of its lane,`,
        'keeping the machine moving against its commitments.',
        '',
        `It is a **${persistent ? 'persistent' : 'transient'}** role (\`persistent_persona: ${persistent}\`): ${persistent ? 'the seat is staffed continuously' : 'it is spun up for a piece of work and released after'}.`,
      );
    } else {
      out.push(
        `The **${name}** owns the ${pick(['standing', 'seasonal', 'critical', 'shared'])} work of the ${domain} domain, keeping it`,
        `inside its commitments. It is a **${persistent ? 'persistent' : 'transient'}** seat.`,
      );
    }
    out.push('', '## Mandate', '');
    const mandates = 3 + Math.floor(random() * 3);
    for (let i = 0; i < mandates; i++) {
      const [head, body] = pick(MANDATES);
      out.push(`${i + 1}. **${head}** — ${body}`);
    }
    out.push('', '## Boundaries', '');
    const bullets = 3 + Math.floor(random() * 3);
    for (let i = 0; i < bullets; i++) {
      const [head, lead, tail] = pick(LANES);
      const isBroken = random() < brokenRate;
      const target = isBroken ? brokenName() : otherRole(name);
      const asLink = random() < 0.35;
      const withFragment = asLink && random() < 0.4;
      let ref: string;
      if (asLink) ref = `the [${titleOf(target)}](./${target}.md${withFragment ? '#mandate' : ''})`;
      else ref = `**${target}**`;
      if (isBroken) {
        broken++;
        brokenIn.set(path, (brokenIn.get(path) ?? 0) + 1);
        if (asLink) brokenLinks++;
      } else {
        if (withFragment) fragmentLinks++;
        let list = referrers.get(target);
        if (!list) referrers.set(target, (list = []));
        if (!list.includes(path)) list.push(path);
      }
      // The seed's bullets run over two lines; the reference opens the second.
      const leadText = lead.replace(/ the$/, asLink ? '' : ' the');
      out.push(`- **${head}** — ${leadText}`, `${ref}${tail}`);
    }
    out.push('', '## Persona', '', pick(PERSONAS));
    if (random() < 0.3) out.push(`It works most closely with the **${otherRole(name)}**, whose reviews it reads first.`);
    if (random() < 0.1) out.push('', '```text', `**not-a-reference** inside a fence, and \`**${name}**\` in code`, '```');
    out.push('', `> Doctrine: cross-domain persona library (${domain}); see \`LIBRARY.md\`.`, '');
    files.set(path, out.join('\n'));
  }

  // An index of links passes the 4 MiB a role file may have at about 45,000 roles, so a larger library's
  // index names its roles in bold instead (a third of the bytes), which the index check reads alike.
  const indexLines = (line: (name: string) => string) => {
    const lines = ['# Role library', '', `Every role of the fleet, by domain (${names.length} roles).`, ''];
    for (const domain of DOMAINS) {
      const members = names.filter(n => domainOf.get(n) === domain).sort();
      if (members.length === 0) continue;
      lines.push(`## ${titleOf(domain)}`, '', ...members.map(line), '');
    }
    return lines.join('\n');
  };
  const linked = indexLines(n => `- [${n}](./${n}.md) — ${titleOf(n)}`);
  const limit = options.indexMaxBytes ?? INDEX_MAX_BYTES;
  files.set('roles/LIBRARY.md', Buffer.byteLength(linked) <= limit ? linked : indexLines(n => `- **${n}**`));
  files.set('fleet-roles.json', `${JSON.stringify({ roleFolders: ['roles'], domains: DOMAINS }, null, 2)}\n`);
  return { files, markdownFiles: files.size - 1, roles: names, referrers, broken, brokenLinks, brokenIn, fragmentLinks, sample };
}

/** Writes a library into `dir` (a new temporary folder by default) and returns the folder. */
export function writeLibrary(library: GeneratedLibrary, dir?: string): string {
  const root = dir ?? mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-bench-'));
  for (const [rel, text] of library.files) {
    const full = nodePath.join(root, rel);
    mkdirSync(nodePath.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 1000);
  const library = generateLibrary({ roles: count });
  const dir = writeLibrary(library, process.argv[3]);
  process.stdout.write(`${dir}\n${count} roles, ${library.broken} broken references (${library.brokenLinks} as links)\n`);
}

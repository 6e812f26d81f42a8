import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { REPO_ROOT } from '../support/tempLibrary';
import { SKILLS_ROOT, type SkillCase } from './skillsRefCases';

/*
 * The two builds of the peer, `skills-ref validate`: the npm package (a
 * devDependency, so it runs wherever the tests run) and the Python original
 * from the specification's repository, which runs only where
 * SKILLS_REF_SRC names its `skills-ref/src` folder (neither its repository
 * nor PyPI is reachable from CI; Debian's python3-strictyaml and
 * python3-click are all it needs besides).
 */

/** Lays the case out as a repository in `repo`; returns the skill's folder. */
export function layOut(c: SkillCase, repo: string): string {
  const folder = nodePath.join(repo, c.root ?? SKILLS_ROOT, c.dir);
  mkdirSync(folder, { recursive: true });
  writeFileSync(nodePath.join(folder, 'SKILL.md'), c.skill);
  for (const [rel, text] of Object.entries(c.files ?? {})) {
    mkdirSync(nodePath.dirname(nodePath.join(folder, rel)), { recursive: true });
    writeFileSync(nodePath.join(folder, rel), text);
  }
  return folder;
}

/** The peer's complaints, from its "  - message" lines; none when it says the skill is valid. */
function complaints(result: ReturnType<typeof spawnSync>, who: string): string[] {
  const stdout = String(result.stdout);
  const stderr = String(result.stderr);
  if (result.status === 0 && stdout.startsWith('Valid skill:')) return [];
  if (result.status === 1 && stderr.startsWith('Validation failed for ')) {
    return stderr
      .split('\n')
      .filter(line => line.startsWith('  - '))
      .map(line => line.slice(4));
  }
  throw new Error(`${who} did not answer as a validator: exit ${result.status}\n${stdout}${stderr}${result.error ?? ''}`);
}

// Its `exports` map hides both package.json and the CLI from require.resolve.
const NPM_CLI = nodePath.join(REPO_ROOT, 'node_modules', 'skills-ref', 'dist', 'cli.js');

/** The npm package's verdict on one skill folder. */
export function npmPeer(folder: string): string[] {
  return complaints(spawnSync(process.execPath, [NPM_CLI, 'validate', folder], { encoding: 'utf8', timeout: 60000 }), 'the npm skills-ref');
}

/** Where the Python original can run: its source folder and a python3 with strictyaml and click, or why not. */
export function pythonPeerHere(): { src: string; python: string } | { why: string } {
  const src = process.env.SKILLS_REF_SRC;
  if (!src) return { why: 'SKILLS_REF_SRC does not name skills-ref/src of the agentskills repository' };
  const python = process.env.SKILLS_REF_PYTHON ?? 'python3';
  const probe = spawnSync(python, ['-c', 'import strictyaml, click'], { encoding: 'utf8', timeout: 60000 });
  if (probe.status !== 0) return { why: `${python} lacks strictyaml or click (Debian: python3-strictyaml python3-click)` };
  return { src, python };
}

/** The Python original's verdict on one skill folder. */
export function pythonPeer(where: { src: string; python: string }, folder: string): string[] {
  // UTF-8 mode: it reads SKILL.md in the locale's encoding, and the test must not depend on this machine's locale.
  const env = { ...process.env, PYTHONPATH: where.src, PYTHONUTF8: '1' };
  return complaints(spawnSync(where.python, ['-m', 'skills_ref.cli', 'validate', folder], { encoding: 'utf8', env, timeout: 60000 }), 'the Python skills-ref');
}

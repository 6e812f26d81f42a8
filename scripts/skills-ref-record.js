#!/usr/bin/env node
'use strict';
// Records the Python `skills-ref validate` (the Agent Skills reference
// validator) on every case of test/peers/skillsRefCases.ts, into
// test/peers/skillsRefPython.json, which the differential test reads where
// the Python original cannot run (CI reaches neither its repository nor
// PyPI). Run after `npm run build`, with SKILLS_REF_SRC naming the
// `skills-ref/src` folder of a checkout of agentskills/agentskills and a
// python3 that has strictyaml and click (Debian: python3-strictyaml
// python3-click; SKILLS_REF_PYTHON names another python3):
//   SKILLS_REF_SRC=… node scripts/skills-ref-record.js
// With SKILLS_REF_SRC set, the test itself re-runs the original and fails
// where the record no longer says what it says.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const { CASES } = require(path.join(root, 'out', 'test', 'peers', 'skillsRefCases.js'));
const peer = require(path.join(root, 'out', 'test', 'peers', 'skillsRefPeer.js'));

const where = peer.pythonPeerHere();
if ('why' in where) {
  console.error(`skills-ref-record: ${where.why}`);
  process.exit(2);
}
const git = spawnSync('git', ['-C', where.src, 'log', '-1', '--format=%H %cs'], { encoding: 'utf8' });
const [commit, date] = git.status === 0 ? git.stdout.trim().split(' ') : ['unknown', 'unknown'];

const verdicts = {};
for (const c of CASES) {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'skills-ref-record-'));
  try {
    verdicts[c.id] = peer.pythonPeer(where, peer.layOut(c, repo));
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
}
const record = { peer: 'skills-ref validate, Python, agentskills/agentskills', commit, date, verdicts };
const file = path.join(root, 'test', 'peers', 'skillsRefPython.json');
fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
// In the layout the project's formatter keeps, so that the lint step passes on it as written.
spawnSync(process.execPath, [require.resolve('@biomejs/biome/bin/biome'), 'format', '--write', file], { stdio: 'inherit' });
console.log(`skills-ref-record: ${CASES.length} cases recorded from ${commit}`);

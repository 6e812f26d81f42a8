import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/runCli';
import { REPO_ROOT } from '../support/tempLibrary';

test('graph --format json: every role once, edges from Boundaries between known roles', () => {
  const result = runCli(['graph', 'roles', '--format', 'json'], REPO_ROOT);
  assert.equal(result.status, 0, result.stderr);
  const { version, libraries } = JSON.parse(result.stdout);
  assert.equal(version, 1);
  assert.equal(libraries.length, 1);
  const [{ nodes, edges }] = libraries;
  const ids = nodes.map((n: { id: string }) => n.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.includes('operations-manager'));
  assert.deepEqual(
    nodes.find((n: { id: string }) => n.id === 'operations-manager'),
    { id: 'operations-manager', domain: 'operations', title: 'Operations Manager — fleet role definition', path: 'roles/operations-manager.md' },
  );
  for (const to of ['project-manager', 'business-analyst', 'hr-generalist']) {
    assert.ok(
      edges.some((e: { from: string; to: string }) => e.from === 'operations-manager' && e.to === to),
      to,
    );
  }
  for (const e of edges) assert.ok(ids.includes(e.from) && ids.includes(e.to));
});

test('graph --format dot and mermaid name the same edges', () => {
  const dot = runCli(['graph', 'roles'], REPO_ROOT);
  assert.equal(dot.status, 0);
  assert.match(dot.stdout, /^digraph roles \{/);
  assert.match(dot.stdout, /"operations-manager" -> "hr-generalist";/);
  assert.match(dot.stdout, /subgraph "cluster_0_operations" \{/);
  const mermaid = runCli(['graph', 'roles', '--format', 'mermaid'], REPO_ROOT);
  assert.equal(mermaid.status, 0);
  assert.match(mermaid.stdout, /^flowchart LR/);
  assert.match(mermaid.stdout, /operations_manager --> hr_generalist/);
  assert.equal(runCli(['graph', 'roles', '--format', 'png'], REPO_ROOT).status, 2);
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadService } from '../../support/loadService';
import { sampleLibrary, SEED_PATH } from '../../support/seed';
import { peers, roleText } from '../helpers';

describe('role graph', () => {
  test('one node per role with its domain and title, edges from Boundaries to the roles it names', async () => {
    const { service } = await loadService(sampleLibrary());
    const [graph, ...more] = service.getRoleGraphs();
    assert.deepEqual(more, []);
    const ops = graph.nodes.find(n => n.id === 'operations-manager');
    assert.deepEqual(ops, {
      id: 'operations-manager',
      domain: 'operations',
      title: 'Operations Manager — fleet role definition',
      path: SEED_PATH,
      uri: `file://${SEED_PATH}`,
    });
    assert.deepEqual(
      graph.edges.filter(e => e.from === 'operations-manager').map(e => e.to),
      ['project-manager', 'business-analyst', 'hr-generalist'],
    );
    assert.ok(!graph.nodes.some(n => n.id === 'LIBRARY'), 'documents are no nodes');
    const ids = new Set(graph.nodes.map(n => n.id));
    for (const e of graph.edges) assert.ok(ids.has(e.from) && ids.has(e.to), `${e.from} -> ${e.to}`);
  });

  test('no edge to an unknown role, to the role itself, or twice; nothing from outside Boundaries', async () => {
    const { service } = await loadService(
      peers({
        '/ws/roles/x-role.md': roleText('x-role', {
          lead: ['The **x-role** works with the **other-role** daily.'],
          boundaries: [
            '- **Does NOT a** — the **peer-role**.',
            '- **Does NOT b** — the **peer-role** again.',
            '- **Does NOT c** — the **x-role**.',
            '- **Does NOT d** — the **ghost-role**.',
          ],
        }),
      }),
    );
    const [graph] = service.getRoleGraphs();
    assert.deepEqual(
      graph.edges.filter(e => e.from === 'x-role'),
      [{ from: 'x-role', to: 'peer-role' }],
    );
    assert.deepEqual(
      graph.nodes.map(n => n.id),
      ['other-role', 'peer-role', 'x-role'],
    );
  });

  test('one graph per library, named by its id', async () => {
    const { service } = await loadService({
      ...peers(),
      '/ws/other/fleet-roles.json': '{}',
      '/ws/other/roles/solo-role.md': roleText('solo-role', { boundaries: ['- **Does NOT x** — nobody.'] }),
    });
    const graphs = service.getRoleGraphs();
    assert.deepEqual(graphs.map(g => [g.library, g.nodes.map(n => n.id)]).sort(), [
      ['/ws', ['other-role', 'peer-role']],
      ['/ws/other/fleet-roles.json', ['solo-role']],
    ]);
  });
});

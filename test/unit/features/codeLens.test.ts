import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadService } from '../../support/loadService';
import { sampleLibrary } from '../../support/seed';
import { lineOf, lineRange, peers, roleText } from '../helpers';
import { sampleReferrers } from './sampleOracle';

const HR = '/ws/roles/hr-generalist.md';

describe('code lens', () => {
  test('one lens on the title line: how many roles refer to the role, and the references to list', async () => {
    const { service } = await loadService(sampleLibrary());
    const text = sampleLibrary()[HR];
    const range = lineRange(text, lineOf(text, '# ', true));
    const [lens, ...more] = service.getCodeLenses(HR);
    assert.deepEqual(more, []);
    assert.deepEqual(lens.range, range);
    assert.equal(lens.title, `${sampleReferrers('hr-generalist').length} roles refer to this role`);
    assert.equal(lens.uri, `file://${HR}`);
    assert.deepEqual(lens.locations, service.getReferences(HR, range.start, false));
  });

  test('the count is of roles: the index and the role itself do not count, and one role is said in the singular', async () => {
    const { service } = await loadService(
      peers({
        '/ws/roles/lone-role.md': roleText('lone-role', { lead: ['The **lone-role** names itself.'], boundaries: ['- **Does NOT x** — the **peer-role**.'] }),
        '/ws/roles/LIBRARY.md': '# Library\n\n- [lone-role](./lone-role.md)\n- [peer-role](./peer-role.md)\n- [other-role](./other-role.md)\n',
      }),
    );
    assert.equal(service.getCodeLenses('/ws/roles/lone-role.md')[0].title, 'No role refers to this role');
    assert.equal(service.getCodeLenses('/ws/roles/other-role.md')[0].title, '1 role refers to this role');
    assert.equal(service.getCodeLenses('/ws/roles/peer-role.md')[0].title, '2 roles refer to this role');
  });

  test('no lens on a document or on a role without a title', async () => {
    const { service } = await loadService(peers({ '/ws/roles/untitled.md': roleText('untitled', { title: null }) }));
    assert.deepEqual(service.getCodeLenses('/ws/roles/untitled.md'), []);
    const { service: sample } = await loadService(sampleLibrary());
    assert.deepEqual(sample.getCodeLenses('/ws/roles/LIBRARY.md'), []);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { loadService } from '../../support/loadService';
import { sampleLibrary, SEED_PATH } from '../../support/seed';
import { positionAt } from '../helpers';
import { sampleReferrers } from './sampleOracle';

const seed = () => sampleLibrary()[SEED_PATH];
const valueOf = (hover: { contents: unknown } | null) => (hover?.contents as MarkupContent | undefined)?.value;

describe('hover', () => {
  test('on a bold reference: the title, class, domain, persistence, the start of the Mandate, and the referrers', async () => {
    const { service } = await loadService(sampleLibrary());
    const at = positionAt(seed(), '**hr-generalist**', 4);
    const hover = service.getHover(SEED_PATH, at);
    const value = valueOf(hover)!;
    const referrers = sampleReferrers('hr-generalist').length;
    assert.ok(referrers > 1);
    assert.match(value, /^\*\*HR Generalist — fleet role definition\*\*\n\nclass `hr-generalist` · domain `hr` · (persistent|transient)\n\nMandate:\n\n1\. /);
    assert.ok(value.endsWith(`\n\n${referrers} roles refer to this role.`), value);
    assert.deepEqual(hover!.range, { start: positionAt(seed(), 'hr-generalist'), end: positionAt(seed(), 'hr-generalist', 'hr-generalist'.length) });
  });

  test('on a link reference: the linked role', async () => {
    const text = `${seed()}\nSee also [the project manager](./project-manager.md).\n`;
    const { service } = await loadService({ ...sampleLibrary(), [SEED_PATH]: text });
    assert.match(valueOf(service.getHover(SEED_PATH, positionAt(text, './project-manager.md', 4)))!, /^\*\*Project Manager — fleet role definition\*\*/);
  });

  test('an unknown role in Boundaries says there is no such role', async () => {
    const text = seed().replace('**hr-generalist**', '**hr-ghost**');
    const { service } = await loadService({ ...sampleLibrary(), [SEED_PATH]: text });
    assert.equal(valueOf(service.getHover(SEED_PATH, positionAt(text, 'hr-ghost', 2))), '**hr-ghost**: no such role in this library.');
  });

  test('bold outside Boundaries that names no role is emphasis: no hover', async () => {
    const { service } = await loadService(sampleLibrary());
    assert.equal(service.getHover(SEED_PATH, positionAt(seed(), '**persistent**', 4)), null);
  });

  test('plain text, the title and an unknown file have no hover', async () => {
    const { service } = await loadService(sampleLibrary());
    assert.equal(service.getHover(SEED_PATH, positionAt(seed(), 'keeping the machine moving', 3)), null);
    assert.equal(service.getHover(SEED_PATH, { line: 0, character: 4 }), null);
    assert.equal(service.getHover('/ws/roles/nowhere.md', { line: 0, character: 0 }), null);
  });
});

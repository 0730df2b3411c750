import fs from 'node:fs';
import { expect, it } from 'vitest';
import { API_DOC, renderApiDoc } from '../../electron/build/api-doc';

it('docs/api.md documents every channel as the contract is now (regenerate: npx tsx electron/build/api-doc.ts)', () => {
  const doc = renderApiDoc();
  expect(doc).toContain('## `bedomning:record`');
  expect(doc).toContain('**Result:** `Insats`');
  expect(fs.readFileSync(API_DOC, 'utf8')).toBe(doc);
}, 60_000);

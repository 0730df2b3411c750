import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/backend/http/security';
import { CONTENT_SECURITY_POLICY as WINDOW_POLICY } from '../../electron/security';
import { REPO_ROOT } from '../support/tmp';

it('the renderer meta tag, the Electron window and the browser-mode host use the same strict policy', () => {
  expect(WINDOW_POLICY).toBe(CONTENT_SECURITY_POLICY);
  const html = fs.readFileSync(path.join(REPO_ROOT, 'renderer', 'index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  // frame-ancestors is ignored in a meta tag, so the header alone carries it.
  expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
});

import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { APP_VERSION } from '../../electron/backend/version';
import { REPO_ROOT } from '../support/tmp';

it('APP_VERSION follows package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(APP_VERSION).toBe(pkg.version);
});

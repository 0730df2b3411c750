import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    // Once for all projects: the `varvet` bundle the tests run (tests/support/buildCli.ts).
    globalSetup: ['tests/support/buildCli.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles: ['tests/e2e/pages/failure.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser and one host per file is heavy on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});

// Kept in step with package.json by a test (tests/unit/version.test.ts), so bundles need not read package.json.
export const APP_VERSION = '0.1.0';

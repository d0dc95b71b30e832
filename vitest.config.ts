import { defineConfig } from 'vitest/config';

// Browser, LibreOffice and build-backed tests are slower on a busy CI machine than here:
// generous timeouts so CI measures correctness, not load. Speed is measured by `npm run bench`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds lib/cli.js once, in the main process (test/support/global-setup.ts).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});

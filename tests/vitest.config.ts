import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));

// Kept under tests/ so the top level stays as the brief fixes it; `npm test` points here.
export default defineConfig({
  root,
  plugins: [WxtVitest({ root })],
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/sites/**/*.test.{ts,tsx}'],
          environment: 'node',
          // A worker per core: vitest's default (cores − 1) runs the files one at a time on two cores.
          maxWorkers: '100%',
          // A ceiling, not a budget: files run side by side on two cores, and a test that handles a
          // 50 MB list or 200,001 items can pass 5 s there. Speed is measured by npm run bench.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // After the unit tests, one file at a time: real browsers want the machine's two cores.
          sequence: { groupOrder: 1 },
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Waits are for states, never fixed pauses: a generous ceiling (as tests/e2e/harness.ts
          // STATE_TIMEOUT_MS) that a passing wait never reaches.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});

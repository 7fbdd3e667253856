import { defineConfig } from 'vitest/config'

/**
 * Two projects: `unit` (pure logic beside the code, fast) and `integration` (a real server process per
 * file, real sockets, a real SQLite file). Integration files run one at a time: the machine has two cores,
 * and each file already runs a server process next to the test process. Unit tests run first.
 * tests/e2e belongs to Playwright and is never picked up here.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})

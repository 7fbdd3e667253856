import { defineConfig } from 'vitest/config'

/**
 * Three projects: `unit` (pure logic beside the code, fast), `integration` (a real server process per
 * file, real sockets, a real SQLite file) and `integration-pg` (the same files, every server on
 * PostgreSQL). Integration files run one at a time: the machine has two cores, and each file already
 * runs a server process next to the test process. Unit tests run first.
 * tests/e2e belongs to Playwright and is never picked up here.
 */
const integration: {
  environment: 'node'
  include: string[]
  testTimeout: number
  hookTimeout: number
  fileParallelism: boolean
} = {
  environment: 'node',
  include: ['tests/integration/**/*.test.ts'],
  testTimeout: 30_000,
  // A hook starts servers (PostgreSQL, SMTP, the app); on a busy machine that alone can pass 30 s.
  hookTimeout: 60_000,
  fileParallelism: false,
}

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
      { test: { name: 'integration', ...integration, sequence: { groupOrder: 1 } } },
      {
        test: {
          name: 'integration-pg',
          ...integration,
          sequence: { groupOrder: 2 },
          // A database per server, one PostgreSQL per run (DATABASE_URL's server when given, else a
          // private cluster): tests/helpers/postgresSetup.ts.
          env: { SPECBOARD_TEST_DATABASE: 'postgres' },
          globalSetup: ['tests/helpers/postgresSetup.ts'],
        },
      },
    ],
  },
})

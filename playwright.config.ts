import { defineConfig } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PORT = Number(process.env.E2E_PORT ?? 8799)
process.env.E2E_ADMIN_TOKEN ??= 'e2e-admin'
const ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN
// The config is loaded again in each worker; the environment carries the first run's directory there,
// so the server and every worker agree on one fresh data directory per run.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'specboard-e2e-'))
const DATA_DIR = process.env.E2E_DATA_DIR

/**
 * End-to-end tests: the built client (dist/, `npm test` builds it first) served by the real server, driven
 * in Debian's Chromium. Playwright never downloads a browser here.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // Two minutes a test: each is a story across several browser contexts, and on the shared 2-core machine
  // (load ~25) a cold board alone takes 10–20 s, so the stories run 45–70 s with every step completing.
  // Speed is measured by bench/, not here; a step that never completes still fails on its own timeout.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // Built fresh each run (about a second) and started as plain JavaScript, like `npm start`.
    command: 'node scripts/build-server.mjs && node dist-server/main.js',
    url: `http://localhost:${PORT}/api/setup/status`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATA_DIR,
      ADMIN_TOKEN,
      SEED_DEMO: '0',
      STATIC_ROOT: 'dist',
      // The webhook spec registers a receiver on this machine.
      ALLOW_LOCAL_WEBHOOKS: '1',
    },
  },
})

// Makes sure Debian's Chromium is at /usr/bin/chromium before the end-to-end tests: installs it with
// apt-get when running as root, otherwise stops with one sentence saying how. Playwright never downloads
// a browser here (see playwright.config.ts).
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const CHROMIUM = '/usr/bin/chromium'

function aptGet(...args) {
  return (
    spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  )
}

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing: install it with "sudo apt-get install -y chromium" and run the tests again.`
    )
    process.exit(1)
  }
  console.log('Chromium is missing; installing Debian’s chromium package…')
  const installed =
    aptGet('install', '-y', '--no-install-recommends', 'chromium') ||
    (aptGet('update') && aptGet('install', '-y', '--no-install-recommends', 'chromium'))
  if (!installed || !existsSync(CHROMIUM)) {
    console.error(
      'Installing Chromium with apt-get failed; install the "chromium" package and run the tests again.'
    )
    process.exit(1)
  }
}

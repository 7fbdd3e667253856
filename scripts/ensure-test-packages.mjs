// Makes sure the Debian packages the tests run are installed before they start: Chromium at
// /usr/bin/chromium (end-to-end tests), redis-server (the several-instances tests) and postgresql (the
// integration tests run once more on a private PostgreSQL cluster). Installs what is
// missing with apt-get when running as root, otherwise stops with one sentence saying how. Playwright never
// downloads a browser here (see playwright.config.ts).
import { existsSync, readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

/** The server binaries of any installed PostgreSQL version (Debian 12 ships 15). */
function hasPostgresServer() {
  const root = '/usr/lib/postgresql'
  return existsSync(root) && readdirSync(root).some((v) => existsSync(`${root}/${v}/bin/initdb`))
}

/** Debian package → the file that shows it is installed, or a check. */
const PACKAGES = {
  chromium: '/usr/bin/chromium',
  'redis-server': '/usr/bin/redis-server',
  postgresql: hasPostgresServer,
}

const isInstalled = (name) =>
  typeof PACKAGES[name] === 'function' ? PACKAGES[name]() : existsSync(PACKAGES[name])

function aptGet(...args) {
  return (
    spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  )
}

const missing = Object.keys(PACKAGES).filter((name) => !isInstalled(name))
if (missing.length > 0) {
  const list = missing.join(' ')
  if (process.getuid?.() !== 0) {
    console.error(
      `Missing for the tests: ${list}. Install with "sudo apt-get install -y --no-install-recommends ${list}" and run the tests again.`
    )
    process.exit(1)
  }
  console.log(`Missing for the tests: ${list}; installing Debian’s packages…`)
  const install = () => aptGet('install', '-y', '--no-install-recommends', ...missing)
  const installed = install() || (aptGet('update') && install())
  const stillMissing = missing.filter((name) => !isInstalled(name))
  if (!installed || stillMissing.length > 0) {
    console.error(
      `Installing ${stillMissing.join(' ') || list} with apt-get failed; install the package and run the tests again.`
    )
    process.exit(1)
  }
}

/**
 * Fails when a block of ten lines or more is written twice (jscpd: same tokens, formatting aside), so
 * "nothing written twice" holds without anyone remembering to look. Part of `npm run lint`.
 *
 * Left out on purpose: tests (a test reads best with its setup in view), translations (client/src/i18n:
 * the same keys in each language) and migrations (each dialect's SQL reads complete on its own; see
 * docs/ARCHITECTURE.md).
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const cli = join(
  dirname(createRequire(import.meta.url).resolve('jscpd/package.json')),
  'run-jscpd.js'
)
const result = spawnSync(
  process.execPath,
  [
    cli,
    '--min-lines',
    '10',
    '--format',
    'typescript,tsx,javascript,css',
    '--ignore',
    [
      '**/*.test.ts',
      '**/*.test.tsx',
      'tests/**',
      'client/src/i18n/**',
      '**/migrations/**',
      '**/node_modules/**',
    ].join(','),
    '--reporters',
    'console',
    '--exit-code',
    '1',
    'server',
    'shared',
    'client',
    'bench',
    'scripts',
  ],
  { stdio: 'inherit' }
)
process.exit(result.status ?? 1)

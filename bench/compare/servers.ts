/**
 * The three servers under comparison, each started as its own fresh process on a free loopback port:
 * - Specboard, as built JavaScript (`dist-server/main.js`), persisting every update to SQLite in a temp dir;
 * - @y/websocket-server 0.1.1 and @hocuspocus/server 4.7.0, in memory (no persistence configured), from a
 *   scratch install this module makes once under node_modules/.cache (they are not Specboard's dependencies).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Dialect } from './client.ts'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const REFS_DIR = join(REPO_ROOT, 'node_modules/.cache/specboard-bench/refs')
/** Exact versions, as in the issue; @y/websocket-server 0.1.5 cannot be installed (STACK.md). */
const REFERENCE_PACKAGES = {
  '@y/websocket-server': '0.1.1',
  '@hocuspocus/server': '4.7.0',
  yjs: '13.6.33',
  'y-protocols': '1.0.7',
  ws: '8.23.0',
}

/** Installs the reference servers into the scratch dir unless they are there already. */
export function ensureReferences(): void {
  const wanted = JSON.stringify({ private: true, dependencies: REFERENCE_PACKAGES }, null, 2)
  const manifest = join(REFS_DIR, 'package.json')
  if (existsSync(manifest) && readFileSync(manifest, 'utf8') === wanted) return
  mkdirSync(REFS_DIR, { recursive: true })
  writeFileSync(manifest, wanted)
  console.log(`installing the reference servers into ${REFS_DIR} …`)
  // @y/websocket-server imports its optional y-leveldb statically, so optional deps must stay;
  // leveldown ships prebuilt binaries, so no install script has to run.
  const result = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'],
    { cwd: REFS_DIR, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '/usr' } }
  )
  if (result.status !== 0) {
    rmSync(manifest, { force: true })
    throw new Error('npm install of the reference servers failed')
  }
}

/** Builds dist-server/ (esbuild, about a second) so Specboard runs as plain JavaScript. */
export function buildSpecboard(): void {
  const result = spawnSync('npm', ['run', '--silent', 'build:server'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error('npm run build:server failed')
}

export interface RunningServer {
  readonly dialect: Dialect
  readonly pid: number
  readonly port: number
  readonly url: string
  readonly wsUrl: string
  /** Specboard's operations token (creates the bench's teams); unused by the references. */
  readonly adminToken: string
  readonly dataDir: string | null
  stop(): Promise<void>
}

const HOCUSPOCUS_MAIN = `
import { Server } from '@hocuspocus/server'
const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true })
await server.listen()
`

/**
 * The node flags `npm start` gives the server (package.json "start"), so the bench runs it as users do,
 * then any extra ones from BENCH_SPECBOARD_NODE_ARGS.
 */
function specboardNodeArgs(): string[] {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'))
  const start = /\bnode ((?:--\S+ )*)dist-server\/main\.js/.exec(manifest.scripts.start as string)
  if (!start) throw new Error('package.json "start" no longer runs node … dist-server/main.js')
  return `${start[1]} ${process.env.BENCH_SPECBOARD_NODE_ARGS ?? ''}`.split(' ').filter(Boolean)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/** Starts a fresh process of `dialect` with extra Specboard settings `env`; resolves once it answers HTTP. */
export async function startServer(
  dialect: Dialect,
  env: Record<string, string> = {}
): Promise<RunningServer> {
  const port = await freePort()
  const adminToken = `bench-${Math.random().toString(36).slice(2)}`
  let dataDir: string | null = null
  let child: ChildProcess
  const common: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' }
  delete common.NODE_OPTIONS
  switch (dialect) {
    case 'specboard':
      dataDir = mkdtempSync(join(tmpdir(), 'specboard-bench-'))
      // E.g. BENCH_SPECBOARD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof --heapsnapshot-signal=SIGUSR2"
      child = spawn(process.execPath, [...specboardNodeArgs(), 'dist-server/main.js'], {
        cwd: REPO_ROOT,
        env: {
          ...common,
          DATA_DIR: dataDir,
          ADMIN_TOKEN: adminToken,
          SEED_DEMO: '0',
          STATIC_ROOT: '/nonexistent',
          ...env,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      // Its structured log: pass on errors only (it warns, rightly, that no client is built).
      child.stderr!.setEncoding('utf8')
      child.stderr!.on('data', (chunk: string) => {
        for (const line of chunk.split('\n'))
          if (line && !/"level":"(warn|info)"/.test(line)) process.stderr.write(`${line}\n`)
      })
      break
    case 'yws':
      child = spawn(process.execPath, ['node_modules/@y/websocket-server/src/server.js'], {
        cwd: REFS_DIR,
        env: common,
        stdio: ['ignore', 'ignore', 'inherit'],
      })
      break
    case 'hocuspocus':
      child = spawn(process.execPath, ['--input-type=module', '-e', HOCUSPOCUS_MAIN], {
        cwd: REFS_DIR,
        env: common,
        stdio: ['ignore', 'ignore', 'inherit'],
      })
      break
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${dialect} exited with ${child.exitCode}`)
    try {
      await fetch(url)
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`${dialect} did not answer in 20 s`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  return {
    dialect,
    pid: child.pid!,
    port,
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    adminToken,
    dataDir,
    async stop() {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(timer)
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** Resident memory now and at its peak (VmHWM), in MiB. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 }
}

/**
 * Where a process's resident memory lies, in MiB: malloc's heap (native allocations), other anonymous
 * mappings (V8's heap among them) and mapped files (the node binary, native addons).
 */
export function residentParts(pid: number): { malloc: number; anon: number; files: number } {
  const parts = { malloc: 0, anon: 0, files: 0 }
  let part: keyof typeof parts = 'anon'
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line)
    if (mapping) {
      const name = mapping[1] ?? ''
      part = name === '[heap]' ? 'malloc' : name === '' || name.startsWith('[') ? 'anon' : 'files'
      continue
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line)
    if (rss) parts[part] += Number(rss[1]) / 1024
  }
  return parts
}

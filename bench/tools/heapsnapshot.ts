/**
 * Summarises a V8 `.heapsnapshot` (e.g. from `node --heapsnapshot-signal=SIGUSR2`): retained-by-nobody
 * totals are not computed; it lists self size and count per constructor / node type, largest first.
 * `npx tsx bench/tools/heapsnapshot.ts <file.heapsnapshot> [top]`
 */
import { readFileSync } from 'node:fs'

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: (string[] | string)[] } }
  nodes: number[]
  strings: string[]
}

const [file, topArg] = process.argv.slice(2)
if (!file) throw new Error('usage: heapsnapshot.ts <file.heapsnapshot> [top]')
const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot
const fields = snap.snapshot.meta.node_fields
const types = snap.snapshot.meta.node_types[0] as string[]
const width = fields.length
const typeAt = fields.indexOf('type')
const nameAt = fields.indexOf('name')
const sizeAt = fields.indexOf('self_size')
const groups = new Map<string, { bytes: number; count: number }>()
let total = 0
for (let i = 0; i < snap.nodes.length; i += width) {
  const type = types[snap.nodes[i + typeAt]!]!
  const name = snap.strings[snap.nodes[i + nameAt]!]!
  const size = snap.nodes[i + sizeAt]!
  total += size
  const key = type === 'object' || type === 'closure' ? `${type} ${name}` : `(${type})`
  const group = groups.get(key) ?? { bytes: 0, count: 0 }
  group.bytes += size
  group.count++
  groups.set(key, group)
}
console.log(`${file}: ${(total / 2 ** 20).toFixed(1)} MiB in the JS heap snapshot`)
for (const [key, g] of [...groups]
  .sort((a, b) => b[1].bytes - a[1].bytes)
  .slice(0, Number(topArg ?? 30)))
  console.log(
    `${(g.bytes / 2 ** 20).toFixed(2).padStart(8)} MiB ${String(g.count).padStart(9)}  ${key}`
  )

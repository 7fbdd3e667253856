/**
 * A full garbage collection on demand. V8 collects its old generation when it grows, not when it
 * shrinks: after a thousand documents were unloaded, their memory stayed resident (about 55 MiB of
 * garbage in the bench) until the heap happened to grow again. The server asks for one collection after
 * most of its rooms unloaded. `gc` is reached without starting node with --expose-gc: the flag, set now,
 * exposes it in a new context.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let gc: (() => void) | null | undefined

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      gc = runInNewContext('gc') as () => void
    } catch {
      gc = null
    }
  }
  gc?.()
}

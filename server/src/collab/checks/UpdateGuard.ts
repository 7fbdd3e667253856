/**
 * The check step of a room: applies a client's update to the room's live document, inside one
 * transaction, and asks the document's rules about what that transaction changed. Yjs cannot undo an
 * update, so a refused one stays in the document until the room rebuilds it from its log — the room
 * stores, sends and publishes nothing of it and lets nobody read the document before that (see Room).
 * Refusals are rare (a broken or hostile client); checking in place spares every accepted update a
 * second decode and integration, and every loaded document a second copy in memory.
 *
 * The guard also holds the document's size quota: the stored state may not grow past `maxBytes`.
 */
import * as Y from 'yjs'
import type { DocumentRules, RootChange, SharedType, UpdateChanges } from './DocumentRules.ts'

/** The guard's answer. `quota`: the document would grow past its size limit. */
export type Verdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly kind: 'schema' | 'quota'; readonly reason: string }

const ACCEPT: Verdict = { ok: true }

export class UpdateGuard {
  private live: Y.Doc
  /** An upper bound of the live document's encoded size: measured, plus every update since. */
  private sizeBound: number

  /**
   * `storedBytes`: what the updates `live` was built from add up to — a bound of its encoded size that
   * spares a load encoding the whole document (measured when not given).
   */
  constructor(
    live: Y.Doc,
    private readonly rules: DocumentRules,
    private readonly maxBytes: number,
    storedBytes?: number
  ) {
    this.live = live
    this.sizeBound = storedBytes ?? Y.encodeStateAsUpdate(live).byteLength
    live.on('update', this.grow)
  }

  /**
   * Applies a client's update to the live document (with `origin`) and judges what it changed. After a
   * refusal — or when Yjs throws, which the caller sees — the document holds (part of) the update and
   * must be rebuilt from the log before anything else reads it.
   */
  apply(update: Uint8Array, origin: unknown): Verdict {
    let changes: UpdateChanges | null = null
    // Only the update's own transaction counts: applying a formatting change makes Yjs run cleanup
    // transactions of its own right after it, which change nothing and would hide what the update did.
    const collect = (transaction: Y.Transaction) => {
      changes ??= changesOf(transaction)
    }
    const doc = this.live
    const hadPending = hasPending(doc)
    doc.on('afterTransaction', collect)
    try {
      Y.applyUpdate(doc, update, origin)
    } finally {
      doc.off('afterTransaction', collect)
    }
    return this.judge(changes, hadPending)
  }

  /** Follows a room that swapped its document (a rebuild from the log). */
  replaceLive(live: Y.Doc, storedBytes?: number): void {
    this.live.off('update', this.grow)
    this.live = live
    live.on('update', this.grow)
    this.sizeBound = storedBytes ?? Y.encodeStateAsUpdate(live).byteLength
  }

  destroy(): void {
    this.live.off('update', this.grow)
  }

  private judge(changes: UpdateChanges | null, hadPending: boolean): Verdict {
    // Yjs keeps such an update in memory, unapplied, until what it builds on arrives: nothing a
    // client synced with this server sends, and a way to grow the server's memory without bound.
    if (!hadPending && hasPending(this.live))
      return { ok: false, kind: 'schema', reason: 'the update builds on changes this server lacks' }
    if (changes) {
      const reason = this.rules.check(changes)
      if (reason) return { ok: false, kind: 'schema', reason }
    }
    if (this.sizeBound > this.maxBytes) {
      // The bound only grows with updates; measure the real size only when it says we might be over.
      const size = Y.encodeStateAsUpdate(this.live).byteLength
      if (size > this.maxBytes)
        return {
          ok: false,
          kind: 'quota',
          reason: `the document would hold ${size} bytes, over its ${this.maxBytes}`,
        }
      this.sizeBound = size
    }
    return ACCEPT
  }

  // Every change of the live document — clients', the server's own writes, relayed updates — counts.
  private readonly grow = (update: Uint8Array): void => {
    this.sizeBound += update.byteLength
  }
}

function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}

interface MutableRootChange extends RootChange {
  readonly keys: Set<string | null>
  readonly nested: Set<SharedType>
}

function changesOf(transaction: Y.Transaction): UpdateChanges {
  const doc = transaction.doc
  const names = new Map<SharedType, string>()
  for (const [name, type] of doc.share) names.set(type, name)
  const roots = new Map<string, MutableRootChange>()
  for (const [type, keys] of transaction.changed) {
    let child: SharedType | null = null
    let root = type
    while (root._item !== null) {
      child = root
      root = root._item.parent as SharedType
    }
    const name = names.get(root)
    // A type outside any root is one Yjs could not place; it changes nothing anyone can read.
    if (name === undefined) continue
    let change = roots.get(name)
    if (!change) {
      change = { keys: new Set(), nested: new Set() }
      roots.set(name, change)
    }
    if (child === null) for (const key of keys) change.keys.add(key)
    else change.nested.add(child)
  }
  return { doc, roots, added: addedItems(transaction) }
}

/** The items a transaction added: each client's structs from its clock before to its clock after. */
function addedItems(transaction: Y.Transaction): Y.Item[] {
  const added: Y.Item[] = []
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    const structs = transaction.doc.store.clients.get(client)
    if (!structs) continue
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!
      if (struct.id.clock >= after) break
      if (struct instanceof Y.Item) added.push(struct)
    }
  }
  return added
}

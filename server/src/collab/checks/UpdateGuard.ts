/**
 * The check step of a room: decides whether a client's update may be stored and relayed, before anything
 * happens to it. Yjs cannot apply an update tentatively, so the guard keeps a shadow copy of the room's
 * document, applies the update there first, and asks the document's rules about what changed. A refused
 * update has touched only the shadow, which is then rebuilt from the live document.
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
  private shadow: Y.Doc
  private live: Y.Doc
  /** An upper bound of the live document's encoded size: measured, plus every update since. */
  private sizeBound: number
  /** While the live document applies an update `check` accepted, which the shadow holds already. */
  private isApplyingChecked = false

  constructor(
    live: Y.Doc,
    private readonly rules: DocumentRules,
    private readonly maxBytes: number
  ) {
    this.live = live
    this.shadow = cloneOf(live)
    this.sizeBound = Y.encodeStateAsUpdate(live).byteLength
    live.on('update', this.follow)
  }

  /**
   * Checks a client's update against the rules and the quota; nothing outside the shadow changes.
   * Throws (with the shadow restored) when Yjs cannot apply the update at all.
   */
  check(update: Uint8Array): Verdict {
    let changes: UpdateChanges | null = null
    // Only the update's own transaction counts: applying a formatting change makes Yjs run cleanup
    // transactions of its own right after it, which change nothing and would hide what the update did.
    const collect = (transaction: Y.Transaction) => {
      changes ??= changesOf(transaction)
    }
    const hadPending = hasPending(this.shadow)
    this.shadow.on('afterTransaction', collect)
    let verdict: Verdict
    try {
      Y.applyUpdate(this.shadow, update)
      verdict = this.judge(changes, update, hadPending)
    } catch (error) {
      this.rebuild()
      throw error
    } finally {
      this.shadow.off('afterTransaction', collect)
    }
    if (!verdict.ok) this.rebuild()
    return verdict
  }

  /**
   * Runs `apply`, which applies to the live document the update `check` has just accepted. The shadow
   * holds that update already, so following it would only make Yjs decode it again to ignore it.
   */
  applyChecked(apply: () => void): void {
    this.isApplyingChecked = true
    try {
      apply()
    } finally {
      this.isApplyingChecked = false
    }
  }

  /** Follows a room that swapped its document (after a reload from the store). */
  replaceLive(live: Y.Doc): void {
    this.live.off('update', this.follow)
    this.live = live
    live.on('update', this.follow)
    this.rebuild()
    this.sizeBound = Y.encodeStateAsUpdate(live).byteLength
  }

  /** Drops the shadow copy, e.g. after an accepted update could not be stored after all. */
  rebuild(): void {
    this.shadow.destroy()
    this.shadow = cloneOf(this.live)
  }

  destroy(): void {
    this.live.off('update', this.follow)
    this.shadow.destroy()
  }

  private judge(changes: UpdateChanges | null, update: Uint8Array, hadPending: boolean): Verdict {
    // Yjs keeps such an update in memory, unapplied, until what it builds on arrives: nothing a
    // client synced with this server sends, and a way to grow the server's memory without bound.
    if (!hadPending && hasPending(this.shadow))
      return { ok: false, kind: 'schema', reason: 'the update builds on changes this server lacks' }
    if (changes) {
      const reason = this.rules.check(changes)
      if (reason) return { ok: false, kind: 'schema', reason }
    }
    if (this.sizeBound + update.byteLength > this.maxBytes) {
      // The bound only grows with updates; measure the real size only when it says we might be over.
      const size = Y.encodeStateAsUpdate(this.shadow).byteLength
      if (size > this.maxBytes)
        return {
          ok: false,
          kind: 'quota',
          reason: `the document would hold ${size} bytes, over its ${this.maxBytes}`,
        }
      this.sizeBound = size - update.byteLength
    }
    return ACCEPT
  }

  // Every change of the live document — accepted updates, the server's own writes, relayed updates —
  // reaches the shadow; what the shadow already holds is ignored by Yjs.
  private readonly follow = (update: Uint8Array): void => {
    this.sizeBound += update.byteLength
    if (!this.isApplyingChecked) Y.applyUpdate(this.shadow, update)
  }
}

function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}

function cloneOf(doc: Y.Doc): Y.Doc {
  const clone = new Y.Doc({ gc: doc.gc })
  Y.applyUpdate(clone, Y.encodeStateAsUpdate(doc))
  return clone
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
  const before = transaction.beforeState
  return {
    doc,
    roots,
    isNew: (item) => item.id.clock >= (before.get(item.id.client) ?? 0),
  }
}

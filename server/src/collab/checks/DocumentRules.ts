/**
 * What a document kind lets clients write. The update guard applies a client's update to the room's
 * document and hands the rules what changed there; the rules answer with a reason to refuse it, or null. Server-side writes (timer, reactions, feedback threads) never pass through them.
 */
import type * as Y from 'yjs'

/** Any Yjs shared type (the type Yjs itself gives a document's roots). */
export type SharedType = NonNullable<ReturnType<Y.Doc['share']['get']>>

/** How one root type of the document changed in an update. */
export interface RootChange {
  /** Keys of the root's own entries that changed; null stands for its list content. */
  readonly keys: ReadonlySet<string | null>
  /** The root's direct children under which something deeper changed. */
  readonly nested: ReadonlySet<SharedType>
}

/** Everything an update changed, by root name, in the document as it is after the update. */
export interface UpdateChanges {
  readonly doc: Y.Doc
  readonly roots: ReadonlyMap<string, RootChange>
  /**
   * The items this update added, in no particular order: what a rule judges, so a keystroke costs the
   * same in a long paragraph as in a short one.
   */
  readonly added: readonly Y.Item[]
}

/** The rules of one document. `check` returns why the update is refused, or null to accept it. */
export interface DocumentRules {
  check(changes: UpdateChanges): string | null
}

/**
 * Keeps Japanese IME input whole while others edit the same section.
 *
 * The stock binding syncs every ProseMirror transaction to Yjs, so each half-converted reading (か, かん,
 * かんじ…) reaches the shared document and every peer (y-prosemirror issue #81); and it redraws the editor
 * from Yjs on each remote change, which breaks a composition in progress: ProseMirror reads a composition
 * as ordinary DOM changes and must not have the DOM around it rebuilt (prosemirror-view keeps
 * `view.composing` for that; TipTap's IME reports, e.g. #2778 "cursor jumps back" after a commit, come
 * from the same redraws). y-prosemirror's open pull request #107 only defers the local direction; its
 * maintainer expected remote edits to still break the composition, and a user of the branch saw the caret
 * go wrong when others deleted text meanwhile. So this guard holds both directions while a composition
 * runs: the composition is a short local branch, like an offline edit.
 *
 * When it is committed, the branch is merged: the editor is redrawn from Yjs (peers' edits), and the
 * composed slice is inserted where the composition started, found again through Yjs relative positions
 * taken when it began (after reading a caret the browser had just moved). Only committed text ever
 * reaches Yjs. A composition is one insertion at one place, which a relative position pins exactly.
 *
 * An edit made by code while a composition is open (a toolbar's command, a template insert: anything
 * not started by the person's key, click, paste or drop, which merge first) waits for the merge.
 * Applied to the held document it would be lost in the redraw, and one that rebuilds the composition's
 * paragraph (a heading) makes Chromium drop the composition and leave its reading in the text. After
 * the merge its steps are rebased as prosemirror-collab does, through the held document's later changes
 * and the merge; where peers' edits moved positions is read from the section's Yjs items against a
 * snapshot taken before the first held change (remoteChangeMap.ts).
 *
 * The merge must replay the composition and nothing else (issue 13): an Enter replayed with it, at the
 * composition's start, carries a peer's text typed after that point into the next paragraph. So the
 * composed slice is the range the composition's own transactions (ProseMirror tags them `composition`)
 * wrote, mapped through every transaction since, never "whatever lies between the start and the old
 * tail"; and the merge happens at the first moment it can: right after compositionend, in the same task.
 * Browsers put the committed text into the DOM before compositionend (UI Events order: compositionupdate,
 * beforeinput, input, compositionend) and ProseMirror has read it by then, or reads it when we flush.
 * Waiting longer let other input in first: TipTap runs its input rules on a timer after compositionend,
 * and an Enter or a programmatic edit inside the wait used to be replayed with the composition. The
 * person's next keystroke, click or paste still settles a pending merge before ProseMirror handles it.
 * After the merge, whatever the person does next acts on the document as everyone has it.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state'
import { Mapping, StepMap, type Step } from '@tiptap/pm/transform'
import type { EditorView } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  yCursorPluginKey,
  ySyncPluginKey,
  type ProsemirrorBinding,
} from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import {
  hasPendingDomChanges,
  hasUnreadDomSelection,
  readPendingDomChanges,
  unreadDomCaret,
} from './domSelection.ts'
import { remoteChangeMap } from './remoteChangeMap.ts'

/** The parts of y-tiptap's ProsemirrorBinding the guard relies on. */
interface SyncBinding {
  readonly type: Y.XmlFragment
  readonly doc: Y.Doc
  readonly mapping: ProsemirrorBinding['mapping']
  mux(fn: () => void): void
  _observeFunction: (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void
  _prosemirrorChanged(doc: PMNode): void
  _forceRerender(): void
  /** Where the selection was before a Yjs transaction; a remote change restores it afterwards. */
  beforeTransactionSelection: unknown
  beforeAllTransactions: () => void
}

interface CompositionStart {
  readonly from: number
  readonly to: number
  readonly relFrom: Y.RelativePosition
  readonly relTo: Y.RelativePosition
  /** What the composition has written so far, in the editor's current (held) document. */
  composed: { from: number; to: number }
  /** The document as it was when the composition began, equal to Yjs until a held change arrives. */
  readonly shown: PMNode
  /** Yjs just before its first change during the composition (null while there was none). */
  yjsBefore: Y.Snapshot | null
  /** Edits made by code during the composition, applied once it is merged. */
  readonly deferred: DeferredEdit[]
}

/** A transaction made by code while a composition was open, held back until the merge. */
interface DeferredEdit {
  readonly steps: readonly Step[]
  /** From the document it was made on to the held document now. */
  readonly since: Mapping
}

/** How soon to try a merge again when ProseMirror still counts a composition as running. */
const SETTLE_RETRY_MS = 20

/** How often carets held back by {@link CompositionGuard.mayRedrawCarets} are tried again, and how often at most. */
const CARET_RETRY_MS = 16
const MAX_CARET_RETRIES = 20

/** The person's own input that can change the document or the selection besides a composition. */
const OTHER_INPUT_EVENTS = ['keydown', 'beforeinput', 'mousedown', 'paste', 'cut', 'drop'] as const

/** beforeinput types that belong to a composition itself (Input Events level 2). */
const COMPOSITION_INPUT_TYPES = new Set([
  'insertCompositionText',
  'deleteCompositionText',
  'insertFromComposition',
])

const guardKey = new PluginKey('imeCompositionGuard')

class CompositionGuard {
  private start: CompositionStart | null = null
  private heldRemote = false
  private heldLocal = false
  private settleTimer: ReturnType<typeof setTimeout> | undefined
  private caretTimer: ReturnType<typeof setTimeout> | undefined
  private caretRetries = 0
  private caretsHeld = false
  /** The person's last input was End: their caret belongs at the end of its paragraph. */
  private caretAtEndByKey = false
  private readonly patched = new WeakSet<SyncBinding>()

  constructor(private readonly view: EditorView) {
    const binding = this.binding()
    if (binding) this.patch(binding)
  }

  get isHolding(): boolean {
    return this.start !== null
  }

  /** A composition starts (or an IME sends an update without a start). */
  begin(): void {
    if (this.start) {
      if (this.view.composing) return
      // A new composition right after the last one was committed: merge that one first.
      this.settleNow()
    }
    const binding = this.binding()
    if (!binding) return
    this.patch(binding)
    this.caretAtEndByKey = false
    // The person's own typing not yet read is theirs to share now, before the hold.
    if (hasPendingDomChanges(this.view)) readPendingDomChanges(this.view)
    this.start = this.startAt(binding)
    // The composition starts where the browser shows the caret, which ProseMirror may not have read yet
    // (Home, a click just before). It is read with the hold already on, so that nothing it brings along
    // (other people's carets, redrawn for the moved caret) redraws the editor once the browser has begun
    // the composition.
    if (hasUnreadDomSelection(this.view)) {
      readPendingDomChanges(this.view)
      this.start = this.startAt(binding)
    }
  }

  private startAt(binding: SyncBinding): CompositionStart {
    const { from, to } = this.view.state.selection
    return {
      from,
      to,
      relFrom: absolutePositionToRelativePosition(from, binding.type, binding.mapping),
      relTo: absolutePositionToRelativePosition(to, binding.type, binding.mapping),
      composed: { from, to },
      shown: this.view.state.doc,
      yjsBefore: null,
      deferred: [],
    }
  }

  /**
   * Whether `tr` is an edit made by code (a toolbar's command, a template insert) while the composition
   * is held: not the composition's own, not the binding's. It is held back and applied right after the
   * merge, mapped onto the merged document (see {@link applyDeferred}).
   */
  defers(tr: Transaction): boolean {
    if (!this.start || !tr.docChanged) return false
    if (tr.getMeta('composition') !== undefined || tr.getMeta(ySyncPluginKey) !== undefined)
      return false
    this.start.deferred.push({ steps: tr.steps, since: new Mapping() })
    return true
  }

  /**
   * Follows the composed range through transactions applied while the composition is held. The
   * composition's own transactions grow it (text typed at either edge is composed text); any other
   * change only moves it, so it is never replayed as part of the composition.
   */
  track(transactions: readonly Transaction[]): void {
    const composed = this.start?.composed
    if (!composed) return
    for (const tr of transactions) {
      if (!tr.docChanged) continue
      for (const edit of this.start?.deferred ?? []) edit.since.appendMapping(tr.mapping)
      const own = tr.getMeta('composition') !== undefined
      composed.from = tr.mapping.map(composed.from, own ? -1 : 1)
      composed.to = Math.max(composed.from, tr.mapping.map(composed.to, own ? 1 : -1))
    }
  }

  /** compositionend: merge right after ProseMirror has handled it (its handler runs after ours). */
  end(): void {
    clearTimeout(this.settleTimer)
    queueMicrotask(() => {
      if (this.start && !this.view.isDestroyed) this.settleNow()
    })
  }

  /**
   * Input that is not part of the composition is about to be handled: merge the committed composition
   * first, so that the input applies to the merged document and is never replayed with the composition.
   * ProseMirror handles a key with the caret it last read; when the browser has moved it since (End,
   * then Enter at once, before selectionchange), read it first, so the key acts where the person sees it.
   */
  beforeOtherInput(event: Event): void {
    if (this.view.composing) return
    if (event instanceof InputEvent && COMPOSITION_INPUT_TYPES.has(event.inputType)) return
    this.caretAtEndByKey =
      event instanceof KeyboardEvent && event.key === 'End' && !event.shiftKey && !event.altKey
    if (this.start) this.settleNow()
    if (hasUnreadDomSelection(this.view)) readPendingDomChanges(this.view)
  }

  /**
   * A key has done what it does: Home, End or an arrow has moved the browser's caret. ProseMirror reads
   * a moved caret at the next selectionchange, which a busy page may deliver after the next key, or only
   * once a composition has begun; read it now. Read inside compositionstart, with another person's caret
   * in the paragraph, Chromium in our runs at times lost the composition after its first letter and left
   * that letter in the text (`k漢字`, issue 13).
   */
  afterKey(): void {
    if (!this.view.composing && hasUnreadDomSelection(this.view)) readPendingDomChanges(this.view)
  }

  /**
   * Whether other people's carets may be redrawn now; if not, they are redrawn a moment later.
   * While a composition is held they would resolve against Yjs positions the editor does not show.
   * And ProseMirror reads a caret moved by the browser (End, arrows) only at the next selectionchange:
   * a redraw in between writes the old selection back into the DOM and the key press is lost. The
   * burst of caret updates right after a composition is merged made that likely.
   */
  mayRedrawCarets(): boolean {
    if (this.start) {
      this.caretsHeld = true
      return false
    }
    if (hasUnreadDomSelection(this.view) && this.caretRetries < MAX_CARET_RETRIES) {
      this.caretRetries++
      this.redrawCaretsSoon()
      return false
    }
    this.caretRetries = 0
    return true
  }

  private redrawCaretsSoon(): void {
    clearTimeout(this.caretTimer)
    this.caretTimer = setTimeout(() => {
      if (!this.view.isDestroyed)
        this.view.dispatch(this.view.state.tr.setMeta(yCursorPluginKey, { awarenessUpdated: true }))
    }, CARET_RETRY_MS)
  }

  destroy(): void {
    clearTimeout(this.settleTimer)
    clearTimeout(this.caretTimer)
    if (this.start) this.settle()
  }

  private settleNow(): void {
    clearTimeout(this.settleTimer)
    readPendingDomChanges(this.view)
    this.settle()
  }

  private binding(): SyncBinding | null {
    return (ySyncPluginKey.getState(this.view.state)?.binding as SyncBinding | undefined) ?? null
  }

  /** Routes the binding's two sync directions through the guard (once per binding). */
  private patch(binding: SyncBinding): void {
    if (this.patched.has(binding)) return
    this.patched.add(binding)
    const observe = binding._observeFunction
    const held: SyncBinding['_observeFunction'] = (events, tr) => {
      if (this.start) this.heldRemote = true
      else observe(events, tr)
    }
    binding.type.unobserveDeep(observe)
    binding._observeFunction = held
    binding.type.observeDeep(held)
    const toYjs = binding._prosemirrorChanged.bind(binding)
    binding._prosemirrorChanged = (doc) => {
      if (this.start) this.heldLocal = true
      else toYjs(doc)
    }
    // A remote change redraws the editor and puts the caret back where the editor state had it. If the
    // person just moved it (End, arrows) and ProseMirror has not read that yet, the key press would be
    // undone: the caret the browser shows is the one to keep. A caret put at the end of a paragraph with
    // End stays at its end when a peer's text arrives there, as one put at the start with Home stays at
    // the start: a Yjs position sticks to the character before it, so the peer's text would land after
    // the caret and the person's next Enter would carry it into a new paragraph (issue 13).
    const remember = binding.beforeAllTransactions
    binding.doc.off('beforeAllTransactions', remember)
    binding.beforeAllTransactions = () => {
      remember()
      if (this.start) {
        this.start.yjsBefore ??= Y.snapshot(binding.doc)
        return
      }
      const unread = unreadDomCaret(this.view)
      const caret = unread ?? this.view.state.selection
      const atEnd = this.caretAtEndByKey
        ? endOfParagraph(binding, this.view.state.doc, caret)
        : null
      if (atEnd) {
        // Without the absolute positions y-tiptap keeps this position instead of guessing by content.
        binding.beforeTransactionSelection = { type: 'text', anchor: atEnd, head: atEnd }
        return
      }
      if (!unread) return
      const relative = (pos: number) =>
        absolutePositionToRelativePosition(pos, binding.type, binding.mapping)
      binding.beforeTransactionSelection = {
        type: 'text',
        anchor: relative(unread.anchor),
        head: relative(unread.head),
        absAnchor: unread.anchor,
        absHead: unread.head,
      }
    }
    binding.doc.on('beforeAllTransactions', binding.beforeAllTransactions)
  }

  private settle(): void {
    if (this.view.composing) {
      clearTimeout(this.settleTimer)
      this.settleTimer = setTimeout(() => this.settle(), SETTLE_RETRY_MS)
      return
    }
    const start = this.start
    const binding = this.binding()
    const remote = this.heldRemote
    const local = this.heldLocal
    this.start = null
    this.heldRemote = false
    this.heldLocal = false
    if (this.caretsHeld) {
      this.caretsHeld = false
      this.redrawCaretsSoon()
    }
    if (!start || !binding || this.view.isDestroyed) return
    if (!remote) {
      if (local)
        binding.mux(() =>
          binding.doc.transact(
            () => binding._prosemirrorChanged(this.view.state.doc),
            ySyncPluginKey
          )
        )
      this.applyDeferred(start.deferred, new Mapping())
      return
    }
    this.applyDeferred(start.deferred, this.replayOnRemote(binding, start))
  }

  /**
   * Redraws from Yjs (peers' edits), then re-applies the composed text where the composition began.
   * Returns where the held document's positions went, when edits by code wait to be mapped.
   */
  private replayOnRemote(binding: SyncBinding, start: CompositionStart): Mapping {
    const { composed: range } = start
    const composed = this.view.state.doc.slice(range.from, range.to)
    binding._forceRerender()
    const redrawn = this.view.state.doc
    // Held document → as the composition began (the composed text taken out) → as Yjs has it now.
    const merged = new Mapping()
    if (start.deferred.length > 0) {
      merged.appendMap(new StepMap([range.from, range.to - range.from, start.to - start.from]))
      if (start.yjsBefore)
        merged.appendMap(
          remoteChangeMap(binding.type, start.yjsBefore, start.shown, (type) => {
            const node = binding.mapping.get(type)
            return node && !Array.isArray(node) ? node.nodeSize : undefined
          })
        )
    }
    const resolve = (rel: Y.RelativePosition) =>
      relativePositionToAbsolutePosition(binding.doc, binding.type, rel, binding.mapping)
    // If the words around the composition were deleted meanwhile, keep the text at the nearest place.
    const from = clamp(resolve(start.relFrom) ?? start.from, redrawn)
    const to = Math.max(from, clamp(resolve(start.relTo) ?? from, redrawn))
    if (composed.size === 0 && from === to) return merged
    const tr = this.view.state.tr.replace(from, to, composed)
    tr.setSelection(TextSelection.near(tr.doc.resolve(clamp(from + composed.size, tr.doc))))
    this.view.dispatch(tr)
    merged.appendMapping(tr.mapping)
    return merged
  }

  /**
   * Applies the edits made by code during the composition to the merged document, each step mapped
   * from the document it was made on (prosemirror-collab's rebase: a step's own earlier steps are taken
   * back, the positions mapped through the merge, the steps re-applied). The caret stays where the
   * composition left it; a step whose place is gone is dropped.
   */
  private applyDeferred(deferred: readonly DeferredEdit[], merged: Mapping): void {
    if (deferred.length === 0 || this.view.isDestroyed) return
    const tr = this.view.state.tr
    for (const edit of deferred) {
      const mapping = new Mapping()
      for (const step of [...edit.steps].reverse()) mapping.appendMap(step.getMap().invert())
      mapping.appendMapping(edit.since)
      mapping.appendMapping(merged)
      // Edits applied before this one moved the merged document's positions too.
      mapping.appendMapping(tr.mapping)
      let mirror = edit.steps.length
      for (const step of edit.steps) {
        const mapped = step.map(mapping.slice(mirror))
        mirror--
        if (mapped && !tr.maybeStep(mapped).failed) mapping.appendMap(mapped.getMap(), mirror)
      }
    }
    if (tr.docChanged) this.view.dispatch(tr)
  }
}

/**
 * The end of the paragraph's text as a Yjs position that stays at the end when text is added there, if
 * `caret` is collapsed at the end of a paragraph that has text; otherwise null.
 */
function endOfParagraph(
  binding: SyncBinding,
  doc: PMNode,
  caret: { anchor: number; head: number }
): Y.RelativePosition | null {
  if (caret.anchor !== caret.head || caret.head > doc.content.size) return null
  const $caret = doc.resolve(caret.head)
  if (!$caret.parent.isTextblock || $caret.parentOffset !== $caret.parent.content.size) return null
  const relative = absolutePositionToRelativePosition(caret.head, binding.type, binding.mapping)
  const at = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc)
  if (!at || !(at.type instanceof Y.XmlText) || at.index !== at.type.length) return null
  return Y.createRelativePositionFromTypeIndex(at.type, at.type.length, 0)
}

function clamp(pos: number, doc: PMNode): number {
  return Math.min(Math.max(pos, 0), doc.content.size)
}

/** The guard as a TipTap extension; it must come after Collaboration in the extension list. */
export const ImeCompositionGuard = Extension.create({
  name: 'imeCompositionGuard',
  addProseMirrorPlugins() {
    let guard: CompositionGuard | null = null
    return [
      new Plugin({
        key: guardKey,
        view: (view) => {
          guard = new CompositionGuard(view)
          return { destroy: () => guard?.destroy() }
        },
        props: {
          handleDOMEvents: {
            compositionstart: () => {
              guard?.begin()
              return false
            },
            compositionupdate: () => {
              if (!guard?.isHolding) guard?.begin()
              return false
            },
            compositionend: () => {
              guard?.end()
              return false
            },
            keyup: () => {
              guard?.afterKey()
              return false
            },
            // Runs before ProseMirror handles the event (custom DOM handlers come first).
            ...Object.fromEntries(
              OTHER_INPUT_EVENTS.map((type) => [
                type,
                (_view: EditorView, event: Event) => {
                  guard?.beforeOtherInput(event)
                  return false
                },
              ])
            ),
          },
        },
        appendTransaction: (transactions) => {
          guard?.track(transactions)
          return null
        },
        filterTransaction: (tr) => {
          if (guard?.defers(tr)) return false
          if (tr.docChanged || !tr.getMeta(yCursorPluginKey)?.awarenessUpdated || !guard)
            return true
          return guard.mayRedrawCarets()
        },
      }),
    ]
  },
})

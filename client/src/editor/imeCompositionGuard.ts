/**
 * Keeps Japanese IME input whole while others edit the same section.
 *
 * The stock binding syncs every ProseMirror transaction to Yjs, so each half-converted reading (か, かん,
 * かんじ…) reaches the shared document and every peer; and it redraws the editor from Yjs on each remote
 * change, which breaks a composition in progress. While a composition runs, this guard holds both
 * directions. When it ends, the committed text is applied on top of what peers wrote meanwhile: the
 * editor is redrawn from Yjs, and the composed slice is inserted where the composition started, found
 * again through a Yjs relative position taken when it began. Only committed text ever reaches Yjs.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  yCursorPluginKey,
  ySyncPluginKey,
  type ProsemirrorBinding,
} from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

/** The parts of y-tiptap's ProsemirrorBinding the guard relies on. */
interface SyncBinding {
  readonly type: Y.XmlFragment
  readonly doc: Y.Doc
  readonly mapping: ProsemirrorBinding['mapping']
  mux(fn: () => void): void
  _observeFunction: (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void
  _prosemirrorChanged(doc: PMNode): void
  _forceRerender(): void
}

interface CompositionStart {
  readonly doc: PMNode
  readonly from: number
  readonly to: number
  readonly relFrom: Y.RelativePosition
  readonly relTo: Y.RelativePosition
}

/** How long after compositionend ProseMirror may still be reading the final DOM change. */
const SETTLE_MS = 30

const guardKey = new PluginKey('imeCompositionGuard')

class CompositionGuard {
  private start: CompositionStart | null = null
  private heldRemote = false
  private heldLocal = false
  private settleTimer: ReturnType<typeof setTimeout> | undefined
  private readonly patched = new WeakSet<SyncBinding>()

  constructor(private readonly view: EditorView) {}

  get isHolding(): boolean {
    return this.start !== null
  }

  begin(): void {
    clearTimeout(this.settleTimer)
    // A new composition right after one that has not settled yet keeps the first one's start.
    if (this.start) return
    const binding = this.binding()
    if (!binding) return
    this.patch(binding)
    const { doc, selection } = this.view.state
    this.start = {
      doc,
      from: selection.from,
      to: selection.to,
      relFrom: absolutePositionToRelativePosition(selection.from, binding.type, binding.mapping),
      relTo: absolutePositionToRelativePosition(selection.to, binding.type, binding.mapping),
    }
  }

  end(): void {
    clearTimeout(this.settleTimer)
    this.settleTimer = setTimeout(() => this.settle(), SETTLE_MS)
  }

  destroy(): void {
    clearTimeout(this.settleTimer)
    if (this.start) this.settle()
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
  }

  private settle(): void {
    if (this.view.composing) {
      this.end()
      return
    }
    const start = this.start
    const binding = this.binding()
    const remote = this.heldRemote
    const local = this.heldLocal
    this.start = null
    this.heldRemote = false
    this.heldLocal = false
    if (!start || !binding || this.view.isDestroyed) return
    if (!remote) {
      if (local)
        binding.mux(() =>
          binding.doc.transact(
            () => binding._prosemirrorChanged(this.view.state.doc),
            ySyncPluginKey
          )
        )
      return
    }
    this.replayOnRemote(binding, start)
  }

  /** Redraws from Yjs (peers' edits), then re-applies the composed text where the composition began. */
  private replayOnRemote(binding: SyncBinding, start: CompositionStart): void {
    const current = this.view.state.doc
    const tail = start.doc.content.size - start.to
    const composedEnd = Math.max(start.from, current.content.size - tail)
    const composed = current.slice(Math.min(start.from, current.content.size), composedEnd)
    binding._forceRerender()
    const redrawn = this.view.state.doc
    const resolve = (rel: Y.RelativePosition) =>
      relativePositionToAbsolutePosition(binding.doc, binding.type, rel, binding.mapping)
    // If the words around the composition were deleted meanwhile, keep the text at the nearest place.
    const from = clamp(resolve(start.relFrom) ?? start.from, redrawn)
    const to = Math.max(from, clamp(resolve(start.relTo) ?? from, redrawn))
    if (composed.size === 0 && from === to) return
    const tr = this.view.state.tr.replace(from, to, composed)
    tr.setSelection(TextSelection.near(tr.doc.resolve(clamp(from + composed.size, tr.doc))))
    this.view.dispatch(tr)
  }
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
            compositionend: () => {
              guard?.end()
              return false
            },
          },
        },
        // Remote carets resolve against Yjs positions the editor does not show yet; redraw them after.
        filterTransaction: (tr) =>
          !(guard?.isHolding && !tr.docChanged && tr.getMeta(yCursorPluginKey)?.awarenessUpdated),
      }),
    ]
  },
})

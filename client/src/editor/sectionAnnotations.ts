/**
 * Highlights ranges of a section (comment threads, a comment being written) and reports the selection,
 * so a feature can anchor a comment to it. Works in read-only editors too: reviewers select, never type.
 *
 * Ranges are Yjs relative positions, resolved against the Yjs binding. A remote change redraws the whole
 * editor from Yjs, so highlights are resolved again right then; a local edit maps them through the
 * transaction, and they are resolved again shortly after, once the edit has reached Yjs. Nothing is
 * redrawn while an IME composition runs.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { encodeRange, resolveRange, type EncodedRange } from './relativePositions.ts'

/** One range to highlight in a section. */
export interface SectionHighlight {
  readonly id: string
  readonly range: EncodedRange
  /** 'pending': the range of a comment being written. */
  readonly kind: 'thread' | 'pending'
  readonly isActive: boolean
}

/** A non-empty selection in a section editor, ready to anchor a comment to. */
export interface SectionSelection {
  readonly field: string
  readonly range: EncodedRange
  /** The selected text (block breaks as newlines). */
  readonly quote: string
  /** Where the selection ends, in page coordinates (scrolls with the page). */
  readonly anchorPoint: { readonly top: number; readonly left: number }
}

/**
 * What the editors ask of a feature that annotates them. `subscribe`'s listener fires when the
 * highlights change; the editors then resolve `highlights(field)` again.
 */
export interface SectionAnnotations {
  highlights(field: string): readonly SectionHighlight[]
  subscribe(listener: () => void): () => void
  /** The selection in section `field` changed; null when it is empty or left the editor. */
  onSelectionChange(field: string, selection: SectionSelection | null): void
  /** The person clicked a highlight. */
  onActivate(id: string): void
  /** The person asked from the keyboard (Mod-Alt-M) to comment on the selection. */
  onCommentRequest(selection: SectionSelection): void
}

/** Longest quote kept from a selection (the server accepts 1000 characters). */
const MAX_QUOTE = 1000
/** How long after a local edit the highlights are resolved again from Yjs. */
const RESOLVE_DELAY_MS = 250

const annotationsKey = new PluginKey<DecorationSet>('sectionAnnotations')

/** The extension; add it after Collaboration and the IME guard. */
export const SectionAnnotationsExtension = Extension.create<{
  source: SectionAnnotations | null
  field: string
}>({
  name: 'sectionAnnotations',
  addOptions() {
    return { source: null, field: '' }
  },
  addProseMirrorPlugins() {
    const { source, field } = this.options
    return source ? [annotationsPlugin(source, field)] : []
  },
  addKeyboardShortcuts() {
    const { source, field } = this.options
    return {
      // The comment button under a selection is out of the tab order; this is its keyboard way.
      'Mod-Alt-m': ({ editor }) => {
        const selection = source && selectionIn(editor.view, field)
        if (!source || !selection) return false
        source.onCommentRequest(selection)
        return true
      },
    }
  },
})

function annotationsPlugin(source: SectionAnnotations, field: string): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: annotationsKey,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, set, _old, state) => {
        if (tr.getMeta(annotationsKey) === 'resolve') return decorations(source, field, state)
        if (!tr.docChanged) return set
        // A change from Yjs (a peer, undo, a redraw) comes with a fresh binding: resolve at once.
        if (ySyncPluginKey.getState(state)?.isChangeOrigin) return decorations(source, field, state)
        return set.map(tr.mapping, tr.doc)
      },
    },
    props: {
      decorations: (state) => annotationsKey.getState(state),
      handleDOMEvents: {
        click: (view, event) => {
          const mark = (event.target as HTMLElement | null)?.closest?.('[data-thread-id]')
          if (!mark || !view.dom.contains(mark) || !view.state.selection.empty) return false
          source.onActivate(mark.getAttribute('data-thread-id')!)
          return false
        },
      },
    },
    view: (view) => new AnnotationsView(view, source, field),
  })
}

function decorations(source: SectionAnnotations, field: string, state: EditorState): DecorationSet {
  const list: Decoration[] = []
  for (const highlight of source.highlights(field)) {
    const at = resolveRange(state, highlight.range)
    if (!at) continue
    const className =
      highlight.kind === 'pending'
        ? 'annotation annotation--pending'
        : `annotation${highlight.isActive ? ' annotation--active' : ''}`
    const attrs: Record<string, string> = { class: className }
    if (highlight.kind === 'thread') attrs['data-thread-id'] = highlight.id
    list.push(Decoration.inline(at.from, at.to, attrs))
  }
  return DecorationSet.create(state.doc, list)
}

class AnnotationsView {
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly unsubscribe: () => void
  private lastReported: SectionSelection | null = null

  constructor(
    private readonly view: EditorView,
    private readonly source: SectionAnnotations,
    private readonly field: string
  ) {
    this.unsubscribe = source.subscribe(() => this.scheduleResolve(0))
    document.addEventListener('selectionchange', this.onDomSelection)
    this.scheduleResolve(0)
  }

  update(view: EditorView, prev: EditorState): void {
    const { state } = view
    if (state.doc !== prev.doc && !ySyncPluginKey.getState(state)?.isChangeOrigin)
      this.scheduleResolve(RESOLVE_DELAY_MS)
    if (state.doc !== prev.doc || !state.selection.eq(prev.selection)) this.report()
  }

  destroy(): void {
    clearTimeout(this.timer)
    this.unsubscribe()
    document.removeEventListener('selectionchange', this.onDomSelection)
    if (this.lastReported) this.source.onSelectionChange(this.field, null)
  }

  private scheduleResolve(delay: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      if (this.view.isDestroyed) return
      // Redrawing decorations under a composition would break it; try again when it is done.
      if (this.view.composing) return this.scheduleResolve(RESOLVE_DELAY_MS)
      this.view.dispatch(
        this.view.state.tr.setMeta(annotationsKey, 'resolve').setMeta('addToHistory', false)
      )
    }, delay)
  }

  // The editor keeps its last selection when the page selection moves elsewhere: follow the page's.
  private readonly onDomSelection = () => queueMicrotask(() => this.report())

  private report(): void {
    if (this.view.isDestroyed) return
    const next = this.currentSelection()
    if (next === null && this.lastReported === null) return
    this.lastReported = next
    this.source.onSelectionChange(this.field, next)
  }

  private currentSelection(): SectionSelection | null {
    const dom = window.getSelection()
    const { dom: root } = this.view
    if (!dom || dom.isCollapsed || !root.contains(dom.anchorNode) || !root.contains(dom.focusNode))
      return null
    return selectionIn(this.view, this.field)
  }
}

/** The editor's non-empty selection as an anchor with its quote, or null. */
function selectionIn(view: EditorView, field: string): SectionSelection | null {
  const { from, to, empty } = view.state.selection
  if (empty) return null
  const range = encodeRange(view.state, from, to)
  if (!range) return null
  const text = view.state.doc.textBetween(from, to, '\n').trim()
  if (!text) return null
  const quote = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text
  const end = view.coordsAtPos(to)
  return {
    field,
    range,
    quote,
    anchorPoint: { top: end.bottom + window.scrollY, left: end.left + window.scrollX },
  }
}

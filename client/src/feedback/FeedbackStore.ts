/**
 * The board's feedback state outside React: the threads (mirrored from `feedback:`), which of them lost
 * their words, the comment being written, the selection, the panel, and unread counts. It is also what
 * the section editors read their highlights from (it implements the editor's SectionAnnotations).
 */
import type { Thread } from '@specboard/shared'
import type { EncodedRange } from '../editor/relativePositions.ts'
import type {
  SectionAnnotations,
  SectionHighlight,
  SectionSelection,
} from '../editor/sectionAnnotations.ts'
import { countUnread, isNewer, latestEntryAt, readLastSeen, writeLastSeen } from './unread.ts'

/** A comment being written: on a range (with its quote) or on a whole section (range null). */
export interface Draft {
  readonly sectionKey: string
  readonly range: EncodedRange | null
  readonly quote: string
}

export const THREAD_FILTERS = ['open', 'resolved', 'mine', 'all'] as const
export type ThreadFilter = (typeof THREAD_FILTERS)[number]

/** One immutable snapshot; a new object after every change. */
export interface FeedbackState {
  readonly threads: readonly Thread[]
  readonly hasThreads: boolean
  /** Threads whose anchored words were deleted. */
  readonly detached: ReadonlySet<string>
  readonly selection: SectionSelection | null
  readonly draft: Draft | null
  readonly isPanelOpen: boolean
  readonly filter: ThreadFilter
  readonly activeThreadId: string | null
  /** Counts requests to bring the active thread into view, so the same thread can be focused twice. */
  readonly focusRequest: number
  /** Entries newer than this were unread when the panel was opened ("new" labels). */
  readonly newSince: string | null
  readonly unread: number
}

export class FeedbackStore implements SectionAnnotations {
  private state: FeedbackState
  private lastSeen: string | null
  private readonly stateListeners = new Set<() => void>()
  private readonly highlightListeners = new Set<() => void>()
  private highlightCache = new Map<string, readonly SectionHighlight[]>()
  private pendingActivation: string | null = null

  constructor(
    private readonly teamId: string,
    private readonly personId: string
  ) {
    this.lastSeen = readLastSeen(teamId, personId)
    this.state = {
      threads: [],
      hasThreads: false,
      detached: new Set(),
      selection: null,
      draft: null,
      isPanelOpen: false,
      filter: 'open',
      activeThreadId: null,
      focusRequest: 0,
      newSince: this.lastSeen,
      unread: 0,
    }
  }

  getState = (): FeedbackState => this.state

  /** React's subscription (every change). */
  subscribeState = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener)
    return () => this.stateListeners.delete(listener)
  }

  setThreads(threads: readonly Thread[]): void {
    this.set({ threads, hasThreads: true }, true)
    const pending = this.pendingActivation
    if (pending && threads.some((t) => t.id === pending)) {
      this.pendingActivation = null
      this.activate(pending)
    }
  }

  /** Focuses a thread just written, as soon as it arrives through the feedback document. */
  activateWhenArrives(id: string): void {
    if (this.state.threads.some((t) => t.id === id)) this.activate(id)
    else this.pendingActivation = id
  }

  setDetached(detached: ReadonlySet<string>): void {
    const same =
      detached.size === this.state.detached.size &&
      [...detached].every((id) => this.state.detached.has(id))
    if (!same) this.set({ detached }, false)
  }

  /** Starts a comment on the selection or a whole section, in the opened panel. */
  startDraft(draft: Draft): void {
    this.set({ draft, isPanelOpen: true, activeThreadId: null, selection: null }, true)
    this.markSeen()
  }

  cancelDraft(): void {
    this.set({ draft: null }, true)
  }

  openPanel(): void {
    if (this.state.isPanelOpen) return
    this.set({ isPanelOpen: true, newSince: this.lastSeen }, false)
    this.markSeen()
  }

  closePanel(): void {
    this.set({ isPanelOpen: false, activeThreadId: null, draft: null }, true)
  }

  setFilter(filter: ThreadFilter): void {
    this.set({ filter }, false)
  }

  /** Opens the panel on one thread (a click on its highlight, or on a count). */
  activate(id: string): void {
    const thread = this.state.threads.find((t) => t.id === id)
    if (!thread) return
    const filter = isVisible(thread, this.state.filter, this.personId) ? this.state.filter : 'all'
    if (!this.state.isPanelOpen) this.set({ newSince: this.lastSeen }, false)
    this.set(
      { isPanelOpen: true, activeThreadId: id, filter, focusRequest: this.state.focusRequest + 1 },
      true
    )
    this.markSeen()
  }

  // SectionAnnotations, read by the section editors.

  highlights(field: string): readonly SectionHighlight[] {
    let cached = this.highlightCache.get(field)
    if (!cached) {
      cached = this.computeHighlights(field)
      this.highlightCache.set(field, cached)
    }
    return cached
  }

  subscribe = (listener: () => void): (() => void) => {
    this.highlightListeners.add(listener)
    return () => this.highlightListeners.delete(listener)
  }

  onSelectionChange(field: string, selection: SectionSelection | null): void {
    if (selection) this.set({ selection }, false)
    else if (this.state.selection?.field === field) this.set({ selection: null }, false)
  }

  onActivate(id: string): void {
    this.activate(id)
  }

  onCommentRequest(selection: SectionSelection): void {
    this.startDraft({ sectionKey: selection.field, range: selection.range, quote: selection.quote })
  }

  private computeHighlights(field: string): SectionHighlight[] {
    const { threads, draft, activeThreadId } = this.state
    const list: SectionHighlight[] = threads
      .filter((t) => t.sectionKey === field && t.anchor && t.status === 'open')
      .map((t) => ({
        id: t.id,
        range: t.anchor!,
        kind: 'thread',
        isActive: t.id === activeThreadId,
      }))
    if (draft?.range && draft.sectionKey === field) {
      list.push({ id: 'draft', range: draft.range, kind: 'pending', isActive: true })
    }
    return list
  }

  private markSeen(): void {
    const latest = latestEntryAt(this.state.threads)
    if (latest && isNewer(latest, this.lastSeen)) {
      this.lastSeen = latest
      writeLastSeen(this.teamId, this.personId, latest)
    }
    this.set({}, false)
  }

  private set(patch: Partial<FeedbackState>, affectsHighlights: boolean): void {
    const next = { ...this.state, ...patch }
    if (next.isPanelOpen && patch.threads) {
      // While the panel is open, whatever arrives is seen.
      const latest = latestEntryAt(next.threads)
      if (latest && isNewer(latest, this.lastSeen)) {
        this.lastSeen = latest
        writeLastSeen(this.teamId, this.personId, latest)
      }
    }
    this.state = {
      ...next,
      unread: next.isPanelOpen ? 0 : countUnread(next.threads, this.personId, this.lastSeen),
    }
    if (affectsHighlights) {
      this.highlightCache = new Map()
      for (const listener of this.highlightListeners) listener()
    }
    for (const listener of this.stateListeners) listener()
  }
}

/** Whether `thread` shows under `filter` for `personId` ("mine": started or answered by them). */
export function isVisible(thread: Thread, filter: ThreadFilter, personId: string): boolean {
  switch (filter) {
    case 'open':
      return thread.status === 'open'
    case 'resolved':
      return thread.status === 'resolved'
    case 'mine':
      return (
        thread.author.personId === personId ||
        thread.replies.some((r) => r.author.personId === personId)
      )
    case 'all':
      return true
  }
}

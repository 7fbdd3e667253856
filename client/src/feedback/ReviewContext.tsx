/**
 * The review layer of a board: the feedback store (threads live from `feedback:`), the team's rounds
 * (polled, since opening a round is not a document change) and who is looking. One provider per board.
 */
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react'
import type * as Y from 'yjs'
import { FEEDBACK_THREADS_MAP, Thread, type Round, type Team } from '@specboard/shared'
import { useDocument } from '../collab/useDocument.ts'
import { isRangeAlive } from '../editor/relativePositions.ts'
import { useApi } from '../ui/useApi.ts'
import { FeedbackStore, type FeedbackState } from './FeedbackStore.ts'
import { reviewApi } from './reviewApi.ts'

// Rounds open and close from another person's screen; a short poll brings them here.
const ROUNDS_REFRESH_MS = 5_000
// Deciding which threads lost their words walks every anchor; do it once typing pauses.
const DETACH_CHECK_MS = 300

/** The team's rounds and the viewer, for the round bar, the panel and the forms. */
export interface ReviewRounds {
  readonly team: Team
  readonly personId: string
  readonly rounds: readonly Round[]
  /** The open round, if any. */
  readonly current: Round | null
  /** The newest round, open or closed. */
  readonly latest: Round | null
  readonly hasLoaded: boolean
  readonly error: unknown
  readonly reload: () => void
}

const StoreContext = createContext<FeedbackStore | null>(null)
const RoundsContext = createContext<ReviewRounds | null>(null)

interface ReviewProviderProps {
  team: Team
  /** The team's live `spec:` document, which anchors point into. */
  spec: Y.Doc
  personId: string
  children: ReactNode
}

export function ReviewProvider({ team, spec, personId, children }: ReviewProviderProps) {
  const store = useMemo(() => new FeedbackStore(team.id, personId), [team.id, personId])
  useThreadMirror(store, team.documents.feedback)
  useDetachedThreads(store, spec)
  const path = `/api/teams/${encodeURIComponent(team.id)}/rounds`
  const api = useApi(path, (signal) => reviewApi.rounds(team.id, signal), ROUNDS_REFRESH_MS)
  const rounds = useMemo<ReviewRounds>(() => {
    const list = api.data ?? []
    const latest = list.reduce<Round | null>((a, r) => (!a || r.number > a.number ? r : a), null)
    return {
      team,
      personId,
      rounds: list,
      current: list.find((r) => r.state === 'open') ?? null,
      latest,
      hasLoaded: api.data !== undefined,
      error: api.error,
      reload: api.reload,
    }
  }, [api.data, api.error, api.reload, team, personId])

  return (
    <StoreContext.Provider value={store}>
      <RoundsContext.Provider value={rounds}>{children}</RoundsContext.Provider>
    </StoreContext.Provider>
  )
}

/** The board's feedback store, or null outside a review provider (the editors then show no highlights). */
export function useFeedbackStore(): FeedbackStore | null {
  return useContext(StoreContext)
}

/** The feedback state, re-rendering on every change. Only inside a ReviewProvider. */
export function useFeedback(): { store: FeedbackStore; state: FeedbackState } {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useFeedback needs a ReviewProvider')
  const state = useSyncExternalStore(store.subscribeState, store.getState)
  return { store, state }
}

export function useReviewRounds(): ReviewRounds {
  const rounds = useContext(RoundsContext)
  if (!rounds) throw new Error('useReviewRounds needs a ReviewProvider')
  return rounds
}

/** Mirrors the `threads` map of the feedback document into the store, parsing every value. */
function useThreadMirror(store: FeedbackStore, name: string) {
  const document = useDocument(name)
  useEffect(() => {
    if (!document) return
    const map = document.ydoc.getMap<unknown>(FEEDBACK_THREADS_MAP)
    const read = () => {
      const threads: Thread[] = []
      for (const value of map.values()) {
        const parsed = Thread.safeParse(value)
        if (parsed.success) threads.push(parsed.data)
      }
      threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      store.setThreads(threads)
    }
    const onSync = (isSynced: boolean) => isSynced && read()
    if (map.size > 0) read()
    map.observe(read)
    document.provider.on('sync', onSync)
    return () => {
      map.unobserve(read)
      document.provider.off('sync', onSync)
    }
  }, [document, store])
}

/** Keeps the set of threads whose anchored words were deleted, following the sheet as it changes. */
function useDetachedThreads(store: FeedbackStore, spec: Y.Doc) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = () => {
      const detached = new Set<string>()
      for (const t of store.getState().threads) {
        if (t.anchor && !isRangeAlive(spec, t.sectionKey, t.anchor)) detached.add(t.id)
      }
      store.setDetached(detached)
    }
    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(check, DETACH_CHECK_MS)
    }
    let threads = store.getState().threads
    const unsubscribe = store.subscribeState(() => {
      if (store.getState().threads === threads) return
      threads = store.getState().threads
      check()
    })
    check()
    spec.on('update', schedule)
    return () => {
      clearTimeout(timer)
      unsubscribe()
      spec.off('update', schedule)
    }
  }, [store, spec])
}

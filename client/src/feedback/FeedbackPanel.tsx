import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Thread } from '@specboard/shared'
import { useLanguage } from '../i18n/useLanguage.ts'
import { Loading } from '../ui/Loading.tsx'
import { isVisible, THREAD_FILTERS, type ThreadFilter } from './FeedbackStore.ts'
import { useFeedback, useReviewRounds } from './ReviewContext.tsx'
import { sectionTitle } from './roundFacts.ts'
import { ThreadCard } from './ThreadCard.tsx'
import { ThreadComposer } from './ThreadComposer.tsx'

interface SectionGroup {
  key: string
  title: string
  rounds: { number: number | null; threads: Thread[] }[]
}

/** Threads under `filter`, by section in template order, then by round. */
function groupThreads(
  threads: readonly Thread[],
  order: readonly string[],
  titleOf: (key: string) => string
): SectionGroup[] {
  const bySection = new Map<string, Thread[]>()
  for (const thread of threads)
    bySection.set(thread.sectionKey, [...(bySection.get(thread.sectionKey) ?? []), thread])
  const keys = [
    ...order.filter((k) => bySection.has(k)),
    ...[...bySection.keys()].filter((k) => !order.includes(k)),
  ]
  return keys.map((key) => {
    const byRound = new Map<number | null, Thread[]>()
    for (const thread of bySection.get(key)!)
      byRound.set(thread.roundNumber, [...(byRound.get(thread.roundNumber) ?? []), thread])
    const rounds = [...byRound.entries()]
      .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
      .map(([number, list]) => ({ number, threads: list }))
    return { key, title: titleOf(key), rounds }
  })
}

/**
 * The feedback side panel: a comment being written, then every thread grouped by section and round,
 * filtered to open / resolved / mine / all. Escape or the close button puts it away.
 */
export function FeedbackPanel() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { store, state } = useFeedback()
  const { team, personId } = useReviewRounds()
  const ref = useRef<HTMLElement>(null)
  const isOpen = state.isPanelOpen

  useEffect(() => {
    if (isOpen && !ref.current?.contains(document.activeElement))
      ref.current?.focus({ preventScroll: true })
  }, [isOpen])

  // The panel starts where the board starts (below the app's navigation) and reaches the top once scrolled.
  useLayoutEffect(() => {
    const panel = ref.current
    const host = panel?.parentElement
    if (!isOpen || !panel || !host) return
    const place = () => {
      panel.style.top = `${Math.max(0, host.getBoundingClientRect().top)}px`
    }
    place()
    window.addEventListener('scroll', place, { passive: true })
    window.addEventListener('resize', place)
    return () => {
      window.removeEventListener('scroll', place)
      window.removeEventListener('resize', place)
    }
  }, [isOpen])

  // On wide screens the open panel takes the side column's place instead of covering the sheet.
  useEffect(() => {
    if (!isOpen) return
    document.documentElement.dataset.feedbackPanel = 'open'
    return () => {
      delete document.documentElement.dataset.feedbackPanel
    }
  }, [isOpen])

  if (!isOpen) return null
  const counts = Object.fromEntries(
    THREAD_FILTERS.map((f) => [f, state.threads.filter((th) => isVisible(th, f, personId)).length])
  ) as Record<ThreadFilter, number>
  const shown = state.threads.filter((th) => isVisible(th, state.filter, personId))
  const groups = groupThreads(
    shown,
    team.template.sections.map((s) => s.key),
    (key) => sectionTitle(team.template, key, language)
  )
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') store.closePanel()
  }

  return (
    <aside
      ref={ref}
      id="feedback-panel"
      className="feedback-panel"
      aria-labelledby="feedback-panel-title"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-testid="feedback-panel"
    >
      <header className="feedback-panel__head">
        <h2 id="feedback-panel-title" className="feedback-panel__title">
          {t('review.panel.title')}
        </h2>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => store.closePanel()}
        >
          {t('common.close')}
        </button>
      </header>
      <div className="feedback-panel__filters" role="group" aria-label={t('review.panel.filter')}>
        {THREAD_FILTERS.map((filter) => (
          <button
            key={filter}
            type="button"
            className="filter-chip"
            aria-pressed={state.filter === filter}
            onClick={() => store.setFilter(filter)}
          >
            {t(`review.panel.filters.${filter}`)}
            <span className="filter-chip__count">{counts[filter]}</span>
          </button>
        ))}
      </div>
      <div className="feedback-panel__body">
        {state.draft && (
          <ThreadComposer
            key={`${state.draft.sectionKey}:${state.draft.range?.start ?? ''}`}
            draft={state.draft}
          />
        )}
        {!state.hasThreads && <Loading />}
        {state.hasThreads && groups.length === 0 && (
          <div className="feedback-panel__empty">
            <p>{t(`review.panel.empty.${state.filter}`)}</p>
            <p className="muted small">{t('review.panel.howTo')}</p>
          </div>
        )}
        {groups.map((group) => (
          <section key={group.key} className="thread-group" aria-label={group.title}>
            <h3 className="thread-group__title">{group.title}</h3>
            {group.rounds.map(({ number, threads }) => (
              <div key={number ?? 'none'} className="thread-group__round">
                <h4 className="thread-group__round-title">
                  {number === null ? t('review.outsideRound') : t('review.roundNumber', { number })}
                </h4>
                {threads.map((thread) => (
                  <ThreadCard
                    key={thread.id}
                    thread={thread}
                    isActive={thread.id === state.activeThreadId}
                    isDetached={state.detached.has(thread.id)}
                  />
                ))}
              </div>
            ))}
          </section>
        ))}
      </div>
    </aside>
  )
}

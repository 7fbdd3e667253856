import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { can, type Round } from '@specboard/shared'
import { formatDateTime } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { CloseRoundForm } from './CloseRoundForm.tsx'
import { DiffDialog } from './DiffDialog.tsx'
import { OpenRoundForm } from './OpenRoundForm.tsx'
import { useFeedback, useReviewRounds } from './ReviewContext.tsx'
import { RoundSummaryTable } from './RoundSummaryTable.tsx'
import { reviewApi } from './reviewApi.ts'
import './feedback.css'

type Expanded = 'open' | 'close' | 'summary' | null

/**
 * The review round (壁打ち) at a glance above the sheet: which round, its state, reviewers and dates; the
 * feedback panel with its unread count; what changed; and, for coordinators, opening and closing.
 */
export function RoundBar() {
  const { t } = useTranslation()
  const { team, rounds, current, latest, error, reload } = useReviewRounds()
  const { store, state } = useFeedback()
  const [expanded, setExpanded] = useState<Expanded>(null)
  const [isDiffOpen, setDiffOpen] = useState(false)
  const [closed, setClosed] = useState<Round | null>(null)
  // The round the close form is for: it stays on screen with its message even if the round closes meanwhile.
  const [closing, setClosing] = useState<Round | null>(null)
  const canManage = can(team.myRole, 'round:manage')
  const nextNumber = (latest?.number ?? 0) + 1
  const summaryRound = closed ?? (latest?.summary ? latest : null)
  const toggle = (what: Expanded) => setExpanded((e) => (e === what ? null : what))

  return (
    <section className="round-bar" aria-labelledby="round-bar-title" data-testid="round-bar">
      <div className="round-bar__row">
        <div className="round-bar__facts">
          <h2 id="round-bar-title" className="round-bar__title">
            {t('review.title')}
          </h2>
          {latest ? (
            <RoundFacts round={latest} />
          ) : (
            <span className="muted small">{t('review.noRounds')}</span>
          )}
        </div>
        <div className="round-bar__actions">
          {rounds.length > 0 && (
            <button
              type="button"
              className="button button--small"
              onClick={() => setDiffOpen(true)}
            >
              {t('review.diff.open')}
            </button>
          )}
          {summaryRound && (
            <button
              type="button"
              className="button button--small"
              aria-expanded={expanded === 'summary'}
              onClick={() => toggle('summary')}
            >
              {t('review.summary.show', { number: summaryRound.number })}
            </button>
          )}
          {canManage && !current && (
            <button
              type="button"
              className="button button--small"
              aria-expanded={expanded === 'open'}
              onClick={() => toggle('open')}
            >
              {t('review.open.button', { number: nextNumber })}
            </button>
          )}
          {canManage && current && (
            <button
              type="button"
              className="button button--small"
              aria-expanded={expanded === 'close'}
              onClick={() => {
                setClosing(current)
                toggle('close')
              }}
            >
              {t('review.close.button', { number: current.number })}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--primary round-bar__feedback"
            aria-expanded={state.isPanelOpen}
            aria-controls="feedback-panel"
            onClick={() => (state.isPanelOpen ? store.closePanel() : store.openPanel())}
          >
            {t('review.panel.button')}
            {state.unread > 0 && (
              <span className="count-badge" data-testid="unread-badge">
                {state.unread}
                <span className="visually-hidden">
                  {t('review.panel.unread', { count: state.unread })}
                </span>
              </span>
            )}
          </button>
        </div>
      </div>
      {team.myRole === 'reviewer' && (
        <p className="round-bar__hint">
          {current ? t('review.reviewerHint') : t('review.reviewerWaiting')}
        </p>
      )}
      {error !== undefined && rounds.length === 0 && (
        <ErrorMessage error={error} onRetry={reload} />
      )}
      {expanded === 'open' && (
        <OpenRoundForm
          programId={team.programId}
          lead={t('review.open.lead', { number: nextNumber })}
          submitLabel={t('review.open.submit', { number: nextNumber })}
          initialReviewerIds={latest?.reviewers.map((r) => r.personId)}
          onCancel={() => setExpanded(null)}
          onSubmit={async (reviewerIds) => {
            try {
              await reviewApi.openRound(team.id, reviewerIds)
            } finally {
              // Opened here or refused because someone else opened it: either way, show the round now.
              reload()
            }
            setExpanded(null)
            setClosed(null)
          }}
        />
      )}
      {expanded === 'close' && closing && (
        <CloseRoundForm
          teamId={team.id}
          round={closing}
          onCancel={() => setExpanded(null)}
          onRefused={reload}
          onClosed={(round) => {
            setClosed(round)
            setExpanded('summary')
            reload()
          }}
        />
      )}
      {expanded === 'summary' && summaryRound && (
        <RoundSummaryTable round={summaryRound} template={team.template} />
      )}
      {isDiffOpen && <DiffDialog onClose={() => setDiffOpen(false)} />}
    </section>
  )
}

/** Which round, its state, dates and reviewers. */
function RoundFacts({ round }: { round: Round }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const names = round.reviewers.map((r) => r.name).join('、')
  return (
    <>
      <span className="round-bar__round">{t('review.roundNumber', { number: round.number })}</span>
      <span className={`badge round-state round-state--${round.state}`} data-testid="round-state">
        {t(`review.state.${round.state}`)}
      </span>
      <span className="round-bar__fact">
        {round.closedAt
          ? t('review.period', {
              from: formatDateTime(round.openedAt, language),
              to: formatDateTime(round.closedAt, language),
            })
          : t('review.openedAt', { date: formatDateTime(round.openedAt, language) })}
      </span>
      <span className="round-bar__fact">
        {names ? t('review.reviewers', { names }) : t('review.noReviewers')}
      </span>
    </>
  )
}

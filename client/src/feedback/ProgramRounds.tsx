import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import {
  can,
  type Program,
  type ProgramRoundsOpened,
  type Round,
  type TeamSummary,
} from '@specboard/shared'
import { formatDateTime } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { useApi } from '../ui/useApi.ts'
import { OpenRoundForm } from './OpenRoundForm.tsx'
import { reviewApi } from './reviewApi.ts'
import { summaryTotals } from './roundFacts.ts'
import './feedback.css'

const REFRESH_MS = 10_000

/** The program page's review rounds: each team's history, and opening a round for every team at once. */
export function ProgramRounds({ program }: { program: Program }) {
  const { t } = useTranslation()
  const [isOpening, setOpening] = useState(false)
  const [result, setResult] = useState<ProgramRoundsOpened | null>(null)
  const [version, setVersion] = useState(0)
  if (program.teams.length === 0) return null

  return (
    <section className="program-rounds" aria-labelledby="program-rounds-title">
      <div className="program-rounds__head">
        <h2 id="program-rounds-title">{t('review.program.title')}</h2>
        {can(program.myRole, 'round:manage') && !isOpening && (
          <button type="button" className="button button--small" onClick={() => setOpening(true)}>
            {t('review.program.openAll')}
          </button>
        )}
      </div>
      {isOpening && (
        <div className="card">
          <OpenRoundForm
            programId={program.id}
            lead={t('review.program.openAllLead')}
            submitLabel={t('review.program.openAllSubmit')}
            onCancel={() => setOpening(false)}
            onSubmit={async (reviewerIds) => {
              setResult(await reviewApi.openProgramRounds(program.id, reviewerIds))
              setOpening(false)
              setVersion((v) => v + 1)
            }}
          />
        </div>
      )}
      {result && (
        <p className="notice notice--ok" role="status">
          {t('review.program.opened', { count: result.rounds.length })}
          {result.skipped.length > 0 &&
            ` ${t('review.program.skipped', { count: result.skipped.length })}`}
        </p>
      )}
      <ul className="round-history plain-list">
        {program.teams.map((team) => (
          <li key={team.id}>
            <TeamRoundHistory team={team} version={version} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function TeamRoundHistory({ team, version }: { team: TeamSummary; version: number }) {
  const { t } = useTranslation()
  const rounds = useApi(
    `rounds:${team.id}`,
    (signal) => reviewApi.rounds(team.id, signal),
    REFRESH_MS
  )
  const { reload } = rounds
  useEffect(() => {
    if (version > 0) reload()
  }, [version, reload])
  const list = [...(rounds.data ?? [])].sort((a, b) => b.number - a.number)
  return (
    <article
      className="round-history__team"
      aria-labelledby={`round-history-${team.id}`}
      data-testid="round-history"
    >
      <h3 id={`round-history-${team.id}`} className="round-history__name">
        <Link href={`/teams/${encodeURIComponent(team.id)}`}>{team.name}</Link>
      </h3>
      {rounds.error !== undefined && !rounds.data && (
        <ErrorMessage error={rounds.error} onRetry={rounds.reload} />
      )}
      {rounds.data && list.length === 0 && (
        <p className="muted small">{t('review.program.none')}</p>
      )}
      {list.length > 0 && (
        <ol className="round-history__rounds plain-list">
          {list.map((round) => (
            <RoundLine key={round.id} round={round} />
          ))}
        </ol>
      )}
    </article>
  )
}

function RoundLine({ round }: { round: Round }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const totals = round.summary ? summaryTotals(round.summary) : null
  const reviewers = round.reviewers.map((r) => r.name).join('、')
  return (
    <li className="round-history__round">
      <span className="round-history__number">
        {t('review.roundNumber', { number: round.number })}
      </span>
      <span className={`badge round-state round-state--${round.state}`}>
        {t(`review.state.${round.state}`)}
      </span>
      <span className="round-history__dates">
        {round.closedAt
          ? t('review.period', {
              from: formatDateTime(round.openedAt, language),
              to: formatDateTime(round.closedAt, language),
            })
          : t('review.openedAt', { date: formatDateTime(round.openedAt, language) })}
      </span>
      {reviewers && (
        <span className="round-history__fact">{t('review.reviewers', { names: reviewers })}</span>
      )}
      {totals && round.summary && (
        <span className="round-history__fact">
          {t('review.program.counts', { ...totals, changed: round.summary.changedSections })}
        </span>
      )}
    </li>
  )
}

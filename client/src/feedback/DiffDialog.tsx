import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Round, SectionDiff } from '@specboard/shared'
import { useLanguage } from '../i18n/useLanguage.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { Loading } from '../ui/Loading.tsx'
import { useApi } from '../ui/useApi.ts'
import { condenseDiff } from './condenseDiff.ts'
import { useReviewRounds } from './ReviewContext.tsx'
import { ReviewError } from './ReviewError.tsx'
import { reviewApi } from './reviewApi.ts'
import { sectionTitle } from './roundFacts.ts'
import type { Translate } from '../i18n/translate.ts'

/** The moments a sheet can be compared at: each round's opening (and closing), and now. */
function diffPoints(rounds: readonly Round[], t: Translate): { value: string; label: string }[] {
  const points: { value: string; label: string }[] = []
  for (const r of [...rounds].sort((a, b) => a.number - b.number)) {
    points.push({
      value: `round:${r.number}`,
      label: t('review.diff.atOpen', { number: r.number }),
    })
    if (r.closedAt)
      points.push({
        value: `round:${r.number}:close`,
        label: t('review.diff.atClose', { number: r.number }),
      })
  }
  points.push({ value: 'current', label: t('review.diff.now') })
  return points
}

/**
 * What changed in the sheet between two moments ("since round N opened", "between round N and M"),
 * per section, with insertions and deletions marked by colour and by underline / strikethrough.
 */
export function DiffDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { team, rounds, latest } = useReviewRounds()
  const [from, setFrom] = useState(latest ? `round:${latest.number}` : 'current')
  const [to, setTo] = useState('current')
  const [showUnchanged, setShowUnchanged] = useState(false)
  const fromId = useId()
  const toId = useId()
  const points = diffPoints(rounds, t)
  const diff = useApi(`diff:${team.id}:${from}:${to}`, (signal) =>
    reviewApi.diff(team.id, from, to, signal)
  )
  const sections = diff.data?.sections.filter((s) => showUnchanged || s.changed) ?? []

  return (
    <Dialog title={t('review.diff.title')} onClose={onClose} className="dialog--wide">
      <div className="diff-controls">
        <PointSelect
          id={fromId}
          label={t('review.diff.from')}
          points={points}
          value={from}
          onChange={setFrom}
        />
        <span className="diff-controls__arrow" aria-hidden="true">
          →
        </span>
        <PointSelect
          id={toId}
          label={t('review.diff.to')}
          points={points}
          value={to}
          onChange={setTo}
        />
      </div>
      <p className="diff-legend small">
        <span>{t('review.diff.legend')}</span>
        <ins className="diff-ins">{t('review.diff.inserted')}</ins>
        <del className="diff-del">{t('review.diff.deleted')}</del>
      </p>
      {diff.error !== undefined && <ReviewError error={diff.error} />}
      {diff.isLoading && !diff.data && <Loading />}
      {diff.data && (
        <>
          <p className="diff-count" data-testid="diff-count">
            {t('review.diff.changedCount', {
              count: diff.data.changedSections,
              total: diff.data.sections.length,
            })}
          </p>
          <label className="diff-toggle small">
            <input
              type="checkbox"
              checked={showUnchanged}
              onChange={(e) => setShowUnchanged(e.target.checked)}
            />
            {t('review.diff.showUnchanged')}
          </label>
          {sections.length === 0 && <p className="empty">{t('review.diff.nothing')}</p>}
          {sections.map((s) => (
            <SectionDiffView
              key={s.sectionKey}
              diff={s}
              title={sectionTitle(team.template, s.sectionKey, language)}
            />
          ))}
        </>
      )}
    </Dialog>
  )
}

function SectionDiffView({ diff, title }: { diff: SectionDiff; title: string }) {
  const { t } = useTranslation()
  const parts = diff.changed ? condenseDiff(diff.parts) : diff.parts
  const isEmpty = parts.every((p) => p.kind !== 'gap' && p.text === '')
  return (
    <section className="diff-section" aria-label={title} data-section={diff.sectionKey}>
      <h3 className="diff-section__title">
        {title}
        {diff.changed ? (
          <span className="badge badge--changed">{t('review.diff.changed')}</span>
        ) : (
          <span className="badge">{t('review.diff.unchanged')}</span>
        )}
      </h3>
      <p className="diff-text">
        {isEmpty && <span className="muted">{t('review.diff.empty')}</span>}
        {parts.map((part, i) => {
          switch (part.kind) {
            case 'insert':
              return (
                <ins key={i} className="diff-ins">
                  <span className="visually-hidden">{t('review.diff.insertedMark')}</span>
                  {part.text}
                </ins>
              )
            case 'delete':
              return (
                <del key={i} className="diff-del">
                  <span className="visually-hidden">{t('review.diff.deletedMark')}</span>
                  {part.text}
                </del>
              )
            case 'gap':
              return (
                <span key={i} className="diff-gap">
                  {t('review.diff.gap')}
                </span>
              )
            case 'same':
              return <span key={i}>{part.text}</span>
          }
        })}
      </p>
    </section>
  )
}

/** One end of the comparison: a labelled choice among the diff points. */
function PointSelect(props: {
  id: string
  label: string
  points: readonly { value: string; label: string }[]
  value: string
  onChange: (value: string) => void
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        className="select"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.points.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </select>
    </div>
  )
}

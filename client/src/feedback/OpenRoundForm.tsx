import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { useApi } from '../ui/useApi.ts'
import { ReviewError } from './ReviewError.tsx'
import { reviewApi } from './reviewApi.ts'
import { useSubmit } from '../ui/useSubmit.ts'
import { SubmitButton } from '../ui/SubmitButton.tsx'

interface OpenRoundFormProps {
  programId: string
  /** What opening does, in a sentence (one team, or every team). */
  lead: string
  submitLabel: string
  /** Reviewers ticked at first (e.g. those of the previous round). */
  initialReviewerIds?: readonly string[]
  onSubmit: (reviewerIds: string[]) => Promise<void>
  onCancel: () => void
}

/** Coordinators open a round: pick the program's reviewers who will spar with the team, then open. */
export function OpenRoundForm(props: OpenRoundFormProps) {
  const { programId, lead, submitLabel, initialReviewerIds = [], onSubmit, onCancel } = props
  const { t } = useTranslation()
  const reviewers = useApi(`reviewers:${programId}`, (signal) =>
    reviewApi.reviewers(programId, signal)
  )
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set(initialReviewerIds))
  const { isSending, error, run } = useSubmit({ busyAfterSuccess: true })

  const toggle = (personId: string, isOn: boolean) => {
    const next = new Set(picked)
    if (isOn) next.add(personId)
    else next.delete(personId)
    setPicked(next)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await run(async () => {
      const known = new Set(reviewers.data?.map((r) => r.personId))
      await onSubmit([...picked].filter((id) => known.has(id)))
    })
  }

  return (
    <form className="round-form" onSubmit={submit} aria-label={submitLabel}>
      <p className="round-form__lead">{lead}</p>
      <fieldset className="round-form__reviewers">
        <legend>{t('review.open.reviewers')}</legend>
        {reviewers.data === undefined && reviewers.error === undefined && <Loading />}
        {reviewers.error !== undefined && (
          <ErrorMessage error={reviewers.error} onRetry={reviewers.reload} />
        )}
        {reviewers.data?.length === 0 && (
          <p className="muted small">{t('review.open.noReviewers')}</p>
        )}
        {reviewers.data?.map((r) => (
          <label key={r.personId} className="round-form__reviewer">
            <input
              type="checkbox"
              checked={picked.has(r.personId)}
              onChange={(e) => toggle(r.personId, e.target.checked)}
            />
            <span className="round-form__name">{r.name}</span>
            {r.teams.length > 0 && (
              <span className="muted small">
                {t('review.open.reviewsTeams', { teams: r.teams.join('、') })}
              </span>
            )}
          </label>
        ))}
      </fieldset>
      <p className="field-hint">{t('review.open.snapshotHint')}</p>
      <ReviewError error={error} />
      <div className="round-form__actions">
        <SubmitButton
          label={submitLabel}
          isSending={isSending}
          disabled={reviewers.data === undefined}
        />
        <button className="button button--quiet" type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_COMMENT_LENGTH, type Round } from '@specboard/shared'
import { ReviewError } from './ReviewError.tsx'
import { reviewApi } from './reviewApi.ts'
import { useSubmit } from '../ui/useSubmit.ts'
import { SubmitButton } from '../ui/SubmitButton.tsx'

interface CloseRoundFormProps {
  teamId: string
  round: Round
  onClosed: (round: Round) => void
  /** The close was refused (e.g. someone closed it first): the rounds should be read again. */
  onRefused: () => void
  onCancel: () => void
}

/** Coordinators close the open round with an optional note; the server freezes the sheet and sums up. */
export function CloseRoundForm({
  teamId,
  round,
  onClosed,
  onRefused,
  onCancel,
}: CloseRoundFormProps) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const { isSending, error, run } = useSubmit({ busyAfterSuccess: true })
  const submitLabel = t('review.close.submit', { number: round.number })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const closed = await run(async () => {
      onClosed(await reviewApi.closeRound(teamId, round.number, note))
    })
    if (!closed) onRefused()
  }

  return (
    <form className="round-form" onSubmit={submit} aria-label={submitLabel}>
      <p className="round-form__lead">{t('review.close.lead')}</p>
      <div className="field">
        <label htmlFor="round-close-note">{t('review.close.note')}</label>
        <textarea
          id="round-close-note"
          className="input textarea"
          rows={3}
          maxLength={MAX_COMMENT_LENGTH}
          value={note}
          placeholder={t('review.close.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <ReviewError error={error} />
      <div className="round-form__actions">
        <SubmitButton label={submitLabel} isSending={isSending} />
        <button className="button button--quiet" type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_COMMENT_LENGTH } from '@specboard/shared'
import { useLanguage } from '../i18n/useLanguage.ts'
import type { Draft } from './FeedbackStore.ts'
import { useFeedback, useReviewRounds } from './ReviewContext.tsx'
import { ReviewError } from './ReviewError.tsx'
import { reviewApi } from './reviewApi.ts'
import { sectionTitle } from './roundFacts.ts'
import { useSubmit } from '../ui/useSubmit.ts'
import { SubmitButton } from '../ui/SubmitButton.tsx'

/** Writing a new comment on the selected words or on a whole section. */
export function ThreadComposer({ draft }: { draft: Draft }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { store } = useFeedback()
  const { team, current } = useReviewRounds()
  const [body, setBody] = useState('')
  const { isSending, error, run } = useSubmit({ busyAfterSuccess: true })
  const id = useId()
  const section = sectionTitle(team.template, draft.sectionKey, language)
  // Reviewers speak within a round; say so before they write, not after.
  const isWaitingForRound = team.myRole === 'reviewer' && !current

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (!body.trim() || isSending || isWaitingForRound) return
    await run(async () => {
      const thread = await reviewApi.comment(team.id, {
        sectionKey: draft.sectionKey,
        anchor: draft.range,
        quote: draft.quote,
        body,
      })
      store.cancelDraft()
      store.activateWhenArrives(thread.id)
    })
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit()
    if (event.key === 'Escape') {
      event.stopPropagation()
      store.cancelDraft()
    }
  }

  return (
    <form className="composer" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="composer__title">
        {draft.range
          ? t('review.composer.onRange', { section })
          : t('review.composer.onSection', { section })}
      </h3>
      {draft.range && <blockquote className="thread__quote">{draft.quote}</blockquote>}
      {isWaitingForRound && (
        <p className="notice notice--warn">{t('review.errors.no_open_round')}</p>
      )}
      <label htmlFor={`${id}-body`} className="visually-hidden">
        {t('review.composer.label')}
      </label>
      <textarea
        id={`${id}-body`}
        className="input textarea"
        rows={4}
        autoFocus
        maxLength={MAX_COMMENT_LENGTH}
        value={body}
        disabled={isWaitingForRound}
        placeholder={t('review.composer.placeholder')}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="field-hint">{t('review.composer.hint')}</p>
      <ReviewError error={error} />
      <div className="composer__actions">
        <SubmitButton
          label={t('review.composer.submit')}
          isSending={isSending}
          disabled={!body.trim() || isWaitingForRound}
          isSmall
        />
        <button
          className="button button--quiet button--small"
          type="button"
          onClick={() => store.cancelDraft()}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

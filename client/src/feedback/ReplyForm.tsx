import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_COMMENT_LENGTH } from '@specboard/shared'
import { ReviewError } from './ReviewError.tsx'
import { reviewApi } from './reviewApi.ts'
import { useSubmit } from '../ui/useSubmit.ts'
import { SubmitButton } from '../ui/SubmitButton.tsx'

/** The reply box under a thread. */
export function ReplyForm({
  teamId,
  threadId,
  onDone,
}: {
  teamId: string
  threadId: string
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [body, setBody] = useState('')
  const { isSending, error, run } = useSubmit()
  const id = useId()

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (!body.trim() || isSending) return
    await run(async () => {
      await reviewApi.reply(teamId, threadId, body)
      setBody('')
      onDone()
    })
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit()
  }

  return (
    <form className="reply-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('review.thread.replyLabel')}
      </label>
      <textarea
        id={id}
        className="input textarea"
        rows={2}
        autoFocus
        maxLength={MAX_COMMENT_LENGTH}
        value={body}
        placeholder={t('review.thread.replyPlaceholder')}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ReviewError error={error} />
      <div className="composer__actions">
        <SubmitButton
          label={t('review.thread.sendReply')}
          isSending={isSending}
          disabled={!body.trim()}
          isSmall
        />
        <button className="button button--quiet button--small" type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

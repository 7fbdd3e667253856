import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { can, colorForPerson, type Author, type Round, type Thread } from '@specboard/shared'
import { formatDateTime } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { Avatar } from '../ui/Avatar.tsx'
import { CommentText } from './CommentText.tsx'
import { useFeedback, useReviewRounds } from './ReviewContext.tsx'
import { ReplyForm } from './ReplyForm.tsx'
import { ReviewError } from './ReviewError.tsx'
import { reviewApi } from './reviewApi.ts'
import { roundAt } from './roundFacts.ts'
import { isNewer } from './unread.ts'
import { useSubmit } from '../ui/useSubmit.ts'
import { RemoveButton } from '../ui/RemoveButton.tsx'

interface ThreadCardProps {
  thread: Thread
  isActive: boolean
  isDetached: boolean
}

/** One thread: what it points at, the comment and its replies, and the actions this person may take. */
export function ThreadCard({ thread, isActive, isDetached }: ThreadCardProps) {
  const { t } = useTranslation()
  const { store, state } = useFeedback()
  const { team, personId, rounds } = useReviewRounds()
  const [isReplying, setReplying] = useState(false)
  const { isSending: isBusy, error, run } = useSubmit()
  const ref = useRef<HTMLElement>(null)
  const isAuthor = thread.author.personId === personId
  const canResolve = can(team.myRole, 'thread:resolve') || isAuthor
  const canDelete = isAuthor || can(team.myRole, 'program:manage')
  const isResolved = thread.status === 'resolved'

  useEffect(() => {
    if (!isActive || !ref.current) return
    ref.current.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
    // Keep focus where the person is typing (a reply box in this thread).
    if (!ref.current.contains(document.activeElement)) ref.current.focus({ preventScroll: true })
  }, [isActive, state.focusRequest])

  const act = async (action: () => Promise<unknown>) => {
    await run(async () => {
      await action()
    })
  }

  const remove = () => {
    if (!window.confirm(t('review.thread.deleteConfirm'))) return
    void act(() => reviewApi.deleteThread(team.id, thread.id))
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click anywhere is a shortcut; the keyboard reaches the same through the thread's buttons
    <article
      ref={ref}
      tabIndex={-1}
      className={`thread${isActive ? ' thread--active' : ''}${isResolved ? ' thread--resolved' : ''}`}
      data-thread-id={thread.id}
      data-testid="thread"
      aria-label={t('review.thread.label', { name: thread.author.name })}
      onClick={() => !isActive && store.activate(thread.id)}
    >
      <ThreadTarget thread={thread} isDetached={isDetached} />
      <Entry
        author={thread.author}
        createdAt={thread.createdAt}
        round={thread.roundNumber}
        body={thread.body}
        isNew={isNewer(thread.createdAt, state.newSince) && !isAuthor}
      />
      {thread.replies.length > 0 && (
        <ol className="thread__replies plain-list">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <Entry
                author={reply.author}
                createdAt={reply.createdAt}
                round={roundAt(rounds, reply.createdAt)}
                body={reply.body}
                isNew={
                  isNewer(reply.createdAt, state.newSince) && reply.author.personId !== personId
                }
              />
            </li>
          ))}
        </ol>
      )}
      {isResolved && thread.statusChangedBy && thread.statusChangedAt && (
        <StatusLine by={thread.statusChangedBy} at={thread.statusChangedAt} rounds={rounds} />
      )}
      <ReviewError error={error} />
      {isReplying ? (
        <ReplyForm teamId={team.id} threadId={thread.id} onDone={() => setReplying(false)} />
      ) : (
        <div className="thread__actions">
          <button type="button" className="button button--small" onClick={() => setReplying(true)}>
            {t('review.thread.reply')}
          </button>
          {canResolve && (
            <button
              type="button"
              className="button button--small"
              disabled={isBusy}
              onClick={() =>
                void act(() =>
                  reviewApi.setStatus(team.id, thread.id, isResolved ? 'reopen' : 'resolve')
                )
              }
            >
              {isResolved ? t('review.thread.reopen') : t('review.thread.resolve')}
            </button>
          )}
          {canDelete && (
            <RemoveButton label={t('review.thread.delete')} onClick={remove} disabled={isBusy} />
          )}
        </div>
      )}
    </article>
  )
}

/** The words a thread points at, the whole section, or the words it pointed at before they were deleted. */
function ThreadTarget({ thread, isDetached }: { thread: Thread; isDetached: boolean }) {
  const { t } = useTranslation()
  if (!thread.anchor) return <p className="thread__target">{t('review.thread.wholeSection')}</p>
  if (isDetached) {
    return (
      <div className="thread__detached" data-testid="thread-detached">
        <p className="thread__target">{t('review.thread.detached')}</p>
        <blockquote className="thread__quote thread__quote--gone">{thread.quote}</blockquote>
      </div>
    )
  }
  return <blockquote className="thread__quote">{thread.quote}</blockquote>
}

interface EntryProps {
  author: Author
  createdAt: string
  round: number | null
  body: string
  isNew: boolean
}

/** A comment or reply: who (name, role), in which round, when, and the text. */
function Entry({ author, createdAt, round, body, isNew }: EntryProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <div className="entry">
      <div className="entry__meta">
        <Avatar name={author.name} color={colorForPerson(author.personId)} size={22} />
        <span className="entry__name">{author.name}</span>
        <span className="entry__role">{t(`roles.${author.role}`)}</span>
        <span className="entry__round">
          {round === null ? t('review.outsideRound') : t('review.roundNumber', { number: round })}
        </span>
        <time className="entry__time" dateTime={createdAt}>
          {formatDateTime(createdAt, language)}
        </time>
        {isNew && <span className="badge badge--new">{t('review.thread.new')}</span>}
      </div>
      <CommentText text={body} />
    </div>
  )
}

function StatusLine({ by, at, rounds }: { by: Author; at: string; rounds: readonly Round[] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const round = roundAt(rounds, at)
  return (
    <p className="thread__status" data-testid="thread-status">
      {t('review.thread.resolvedBy', {
        name: by.name,
        role: t(`roles.${by.role}`),
        date: formatDateTime(at, language),
        round:
          round === null ? t('review.outsideRound') : t('review.roundNumber', { number: round }),
      })}
    </p>
  )
}

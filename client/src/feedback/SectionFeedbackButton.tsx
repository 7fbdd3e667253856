import { useTranslation } from 'react-i18next'
import { can } from '@specboard/shared'
import { useFeedback, useReviewRounds } from './ReviewContext.tsx'

/** On a section card: comment on the whole section, and its open threads at a glance. */
export function SectionFeedbackButton({
  sectionKey,
  title,
}: {
  sectionKey: string
  title: string
}) {
  const { t } = useTranslation()
  const { store, state } = useFeedback()
  const { team } = useReviewRounds()
  const open = state.threads.filter((th) => th.sectionKey === sectionKey && th.status === 'open')
  return (
    <div className="section-feedback">
      {open.length > 0 && (
        <button
          type="button"
          className="section-feedback__count"
          onClick={() => store.activate(open[0]!.id)}
          aria-label={t('review.section.openThreadsLabel', { count: open.length, section: title })}
        >
          {t('review.section.openThreads', { count: open.length })}
        </button>
      )}
      {can(team.myRole, 'feedback:write') && (
        <button
          type="button"
          className="button button--small button--quiet section-feedback__comment"
          onClick={() => store.startDraft({ sectionKey, range: null, quote: '' })}
        >
          {t('review.section.comment')}
        </button>
      )}
    </div>
  )
}

import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { can } from '@specboard/shared'
import { useFeedback, useReviewRounds } from './ReviewContext.tsx'

const BUTTON_WIDTH = 120

/**
 * A small "comment" button under a non-empty selection in any section (read-only editors included: that
 * is how reviewers comment). Pressing it keeps the selection and opens the composer on those words.
 */
export function SelectionCommentButton() {
  const { t } = useTranslation()
  const { store, state } = useFeedback()
  const { team } = useReviewRounds()
  const selection = state.selection
  if (!selection || !can(team.myRole, 'feedback:write')) return null
  const maxLeft = document.documentElement.clientWidth + window.scrollX - BUTTON_WIDTH - 8
  const left = Math.max(8 + window.scrollX, Math.min(selection.anchorPoint.left - 16, maxLeft))
  return createPortal(
    <button
      type="button"
      className="selection-comment"
      style={{ top: selection.anchorPoint.top + 6, left }}
      // Pressing must not move the selection: the comment is anchored to it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() =>
        store.startDraft({
          sectionKey: selection.field,
          range: selection.range,
          quote: selection.quote,
        })
      }
    >
      {t('review.selection.comment')}
    </button>,
    document.body
  )
}

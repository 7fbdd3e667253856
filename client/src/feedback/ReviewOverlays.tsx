import { FeedbackPanel } from './FeedbackPanel.tsx'
import { SelectionCommentButton } from './SelectionCommentButton.tsx'
import './feedback.css'

/** What the review layer lays over the board: the feedback panel and the button under a selection. */
export function ReviewOverlays() {
  return (
    <>
      <FeedbackPanel />
      <SelectionCommentButton />
    </>
  )
}

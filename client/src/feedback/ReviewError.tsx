import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../api.ts'
import { describeError } from '../ui/ErrorMessage.tsx'
import type { Translate } from '../i18n/translate.ts'

/** Refusals of the review API that deserve their own sentence (the server's error codes). */
const REVIEW_CODES = [
  'range_gone',
  'no_open_round',
  'thread_not_found',
  'already_resolved',
  'already_open',
  'round_already_open',
  'round_not_open',
  'round_not_found',
  'round_not_closed',
] as const
type ReviewCode = (typeof REVIEW_CODES)[number]

/** The sentence for a failed review action: what happened, and what to do about it. */
export function describeReviewError(error: unknown, t: Translate): string {
  if (error instanceof ApiRequestError) {
    if ((REVIEW_CODES as readonly string[]).includes(error.code))
      return t(`review.errors.${error.code as ReviewCode}`)
    if (error.kind === 'forbidden') return t('review.errors.forbidden')
  }
  return describeError(error, t)
}

/** A review action's error, in words, where the action was taken. */
export function ReviewError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (error === null || error === undefined) return null
  return (
    <p className="notice notice--error review-error" role="alert">
      {describeReviewError(error, t)}
    </p>
  )
}

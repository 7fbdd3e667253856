/** What counts as an interview held, for the figures and the CSV alike. */
import { type ApplicationStage, INTERVIEWED_STAGES } from '@specboard/shared'

/**
 * Whether an application's interview took place: the coordinator marked it held, or moved the person on
 * to placed or the pool (which follow an interview), however the interview was arranged. A declined or
 * withdrawn person counts only when a booked interview of theirs has already ended.
 */
export function wasInterviewed(
  stage: ApplicationStage,
  scheduled: { readonly endsAt: string } | undefined,
  now: number
): boolean {
  if ((INTERVIEWED_STAGES as readonly ApplicationStage[]).includes(stage)) return true
  if (stage === 'declined' || stage === 'withdrawn')
    return scheduled !== undefined && Date.parse(scheduled.endsAt) <= now
  return false
}

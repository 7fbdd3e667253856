import { INTERVIEW_MINUTES } from '@specboard/shared'

export interface SlotTimes {
  readonly startsAt: string
  readonly endsAt: string
}

const MINUTE_MS = 60_000

/**
 * Cuts an availability window into back-to-back slots of `minutes`, from its start (rounded up to the
 * whole minute); a remainder shorter than a slot is left unused. Times come back as UTC ISO strings, the
 * form every stored timestamp has, so they compare as text.
 */
export function cutSlots(
  startsAt: string,
  endsAt: string,
  minutes = INTERVIEW_MINUTES
): SlotTimes[] {
  const start = Math.ceil(Date.parse(startsAt) / MINUTE_MS) * MINUTE_MS
  const end = Date.parse(endsAt)
  if (!Number.isFinite(start) || !Number.isFinite(end)) return []
  const step = minutes * MINUTE_MS
  const slots: SlotTimes[] = []
  for (let at = start; at + step <= end; at += step) {
    slots.push({ startsAt: new Date(at).toISOString(), endsAt: new Date(at + step).toISOString() })
  }
  return slots
}

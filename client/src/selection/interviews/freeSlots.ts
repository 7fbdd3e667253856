/** Which interview slots an application may still take, grouped by day in Japan. */
import type { InterviewWindow, Slot } from '@specboard/shared'
import { tokyoParts } from '@specboard/shared'

/** Free slots ahead of `now` that applicants of `postingId` may take (windows for any posting, or this one). */
export function freeSlotsFor(
  windows: readonly InterviewWindow[],
  postingId: string,
  now = Date.now()
): Slot[] {
  return windows
    .filter((w) => w.postingId === null || w.postingId === postingId)
    .flatMap((w) => w.slots)
    .filter((s) => s.booking === null && Date.parse(s.startsAt) > now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
}

/** Slots by their day in Japan (`2026-11-27`), days in order. */
export function slotsByDay<T extends { startsAt: string }>(slots: readonly T[]): [string, T[]][] {
  const days = new Map<string, T[]>()
  for (const slot of slots) {
    const day = tokyoParts(slot.startsAt).date
    days.set(day, [...(days.get(day) ?? []), slot])
  }
  return [...days]
}

/**
 * Unread feedback: threads and replies by other people, newer than the last time this person opened the
 * feedback panel for the team. "Last seen" is the newest entry's server time, kept in localStorage, so a
 * wrong clock on this machine cannot hide or resurface anything.
 */
import type { Thread } from '@specboard/shared'

/** Counts entries (threads and replies) by someone else, created after `lastSeen`. */
export function countUnread(
  threads: readonly Thread[],
  personId: string,
  lastSeen: string | null
): number {
  let count = 0
  for (const entry of entries(threads)) {
    if (entry.author.personId !== personId && isNewer(entry.createdAt, lastSeen)) count++
  }
  return count
}

/** The newest entry's time, or null when there is none. */
export function latestEntryAt(threads: readonly Thread[]): string | null {
  let latest: string | null = null
  for (const entry of entries(threads))
    if (isNewer(entry.createdAt, latest)) latest = entry.createdAt
  return latest
}

/** Whether `iso` comes after `since` (everything does when `since` is null). */
export function isNewer(iso: string, since: string | null): boolean {
  return since === null || Date.parse(iso) > Date.parse(since)
}

function* entries(threads: readonly Thread[]) {
  for (const thread of threads) {
    yield thread
    yield* thread.replies
  }
}

const key = (teamId: string, personId: string) => `specboard.feedbackSeen.${teamId}.${personId}`

/** The stored "last seen" for this person and team. */
export function readLastSeen(teamId: string, personId: string): string | null {
  try {
    return localStorage.getItem(key(teamId, personId))
  } catch {
    return null
  }
}

export function writeLastSeen(teamId: string, personId: string, iso: string): void {
  try {
    localStorage.setItem(key(teamId, personId), iso)
  } catch {
    // Without storage the badge simply counts again on the next visit.
  }
}

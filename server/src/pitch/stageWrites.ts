/** The server's writes into a `stage:` document: timer, reactions, viewers and session. */
import type * as Y from 'yjs'
import { STAGE_KEYS, STAGE_MAP, StageTimer, remainingMs } from '@specboard/shared'
import type { ReactionKind, StageSession } from '@specboard/shared'

const DEFAULT_MINUTES = 5

function stageOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(STAGE_MAP)
}

export function readTimer(doc: Y.Doc): StageTimer | null {
  const parsed = StageTimer.safeParse(stageOf(doc).get(STAGE_KEYS.timer))
  return parsed.success ? parsed.data : null
}

/** Applies a timer action at server time `now`. */
export function applyTimerAction(
  doc: Y.Doc,
  action: 'start' | 'pause' | 'reset',
  now: number,
  minutes?: number
): StageTimer {
  const current = readTimer(doc)
  let next: StageTimer
  if (action === 'reset' || !current) {
    const durationMs = (minutes ?? (current ? current.durationMs / 60000 : DEFAULT_MINUTES)) * 60000
    next = { durationMs, startedAt: null, remainingMs: durationMs }
    if (action === 'start') next = { ...next, startedAt: now }
  } else if (action === 'start') {
    next = current.startedAt === null ? { ...current, startedAt: now } : current
  } else {
    next =
      current.startedAt === null
        ? current
        : { ...current, startedAt: null, remainingMs: remainingMs(current, now) }
  }
  stageOf(doc).set(STAGE_KEYS.timer, next)
  return next
}

export function addReaction(doc: Y.Doc, kind: ReactionKind): void {
  const stage = stageOf(doc)
  const counts = {
    ...((stage.get(STAGE_KEYS.reactions) as Record<string, number> | undefined) ?? {}),
  }
  counts[kind] = (counts[kind] ?? 0) + 1
  stage.set(STAGE_KEYS.reactions, counts)
}

/** Writes the viewer count when it changed; a stage nobody ever watched stays untouched. */
export function setViewers(doc: Y.Doc, viewers: number): void {
  if ((stageOf(doc).get(STAGE_KEYS.viewers) ?? 0) !== viewers)
    stageOf(doc).set(STAGE_KEYS.viewers, viewers)
}

export function setSession(doc: Y.Doc, session: StageSession): void {
  stageOf(doc).set(STAGE_KEYS.session, session)
}

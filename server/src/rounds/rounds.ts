/**
 * Review rounds: opening one (a snapshot of the sheet, reviewers joining the team), closing one (a
 * second snapshot and a summary), and the sheet at a diff point. Takes the stores and ports it needs.
 */
import * as Y from 'yjs'
import { documentName } from '@specboard/shared'
import type { Round } from '@specboard/shared'
import type { LiveDocuments } from '../ports/LiveDocuments.ts'
import type { Stores } from '../ports/Storage.ts'
import type { ProgramRecord, RecordStore, RoundRecord, TeamRecord } from '../storage/Storage.ts'
import type { Webhooks } from '../webhooks/Webhooks.ts'
import { HttpError } from '../errors.ts'
import { listThreads } from '../feedback/threadStore.ts'
import { withSpecDoc } from '../sheets/readSheet.ts'
import { summarizeRound } from './roundSummary.ts'
import { diffSheets } from './sheetDiff.ts'

export interface RoundDeps {
  readonly records: RecordStore
  readonly tx: Stores['tx']
  readonly live: LiveDocuments
  readonly events: Pick<Webhooks, 'emit'>
}

export function toRound(r: RoundRecord): Round {
  const { id, teamId, number, openedAt, closedAt, reviewers, summary } = r
  return {
    id,
    teamId,
    number,
    state: closedAt ? 'closed' : 'open',
    openedAt,
    closedAt,
    reviewers: [...reviewers],
    summary,
  }
}

async function currentState(live: LiveDocuments, teamId: string): Promise<Uint8Array> {
  return await withSpecDoc(live, teamId, (doc) => Y.encodeStateAsUpdate(doc))
}

/** Reviewer ids must name people who review in this program; they join the team as reviewers. */
export async function checkReviewers(
  records: RecordStore,
  program: ProgramRecord,
  reviewerIds: readonly string[]
): Promise<void> {
  const reviewers = new Set(
    (await records.programMembers(program.id))
      .filter((m) => m.role === 'reviewer')
      .map((m) => m.personId)
  )
  const stranger = reviewerIds.find((id) => !reviewers.has(id))
  if (stranger)
    throw new HttpError(
      400,
      'invalid_body',
      `reviewerIds: ${stranger} is not a reviewer in this program`
    )
}

/** Opens a round for the team; null when it already has an open one. */
export async function openRound(
  deps: RoundDeps,
  team: TeamRecord,
  reviewerIds: readonly string[],
  openedBy: string | null
): Promise<RoundRecord | null> {
  // Read before the transaction: the log is not part of the unit of work.
  const snapshot = await currentState(deps.live, team.id)
  const round = await deps.tx(async ({ records }) => {
    const round = await records.openRound({ teamId: team.id, openedBy, snapshot, reviewerIds })
    if (round)
      for (const personId of reviewerIds)
        await records.addMembership({
          personId,
          programId: team.programId,
          teamId: team.id,
          role: 'reviewer',
        })
    return round
  })
  if (round)
    deps.events.emit(team.programId, 'round.opened', {
      roundId: round.id,
      teamId: team.id,
      number: round.number,
    })
  return round
}

/** Closes round `number` of the team: the sheet as it is now, and a summary of feedback and changes. */
export async function closeRound(
  deps: RoundDeps,
  team: TeamRecord,
  program: ProgramRecord,
  number: number,
  note: string,
  closedBy: string | null
): Promise<RoundRecord> {
  const { records, live } = deps
  const round = await records.getRound(team.id, number)
  if (!round) throw new HttpError(404, 'round_not_found', 'this team has no such round')
  if (round.closedAt) throw new HttpError(409, 'round_not_open', 'this round is already closed')
  const opened = (await records.roundSnapshot(round.id, 'open'))!
  const closing = await currentState(live, team.id)
  const threads = await live.read(documentName('feedback', team.id), listThreads)
  const summary = summarizeRound(
    round.id,
    threads,
    diffSheets(opened, closing, program.template),
    note
  )
  if (!(await records.closeRound(round.id, { closedBy, snapshot: closing, summary })))
    throw new HttpError(409, 'round_not_open', 'this round is already closed')
  deps.events.emit(program.id, 'round.closed', {
    roundId: round.id,
    teamId: team.id,
    number: round.number,
  })
  return (await records.getRound(team.id, round.number))!
}

/** The encoded sheet at a diff point: `current`, `round:<n>` (as it opened) or `round:<n>:close`. */
export async function sheetStateAt(
  deps: Pick<RoundDeps, 'records' | 'live'>,
  teamId: string,
  point: string
): Promise<Uint8Array> {
  if (point === 'current') return await currentState(deps.live, teamId)
  const [, number, moment] = point.split(':')
  const round = await deps.records.getRound(teamId, Number(number))
  if (!round) throw new HttpError(404, 'round_not_found', `this team has no round ${number}`)
  const state = await deps.records.roundSnapshot(round.id, moment === 'close' ? 'close' : 'open')
  if (!state) throw new HttpError(409, 'round_not_closed', `round ${number} has not closed yet`)
  return state
}

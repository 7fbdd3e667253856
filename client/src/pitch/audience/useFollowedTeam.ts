import { useEffect, useState } from 'react'
import type { AudienceInfo } from '@specboard/shared'
import { useConnection, useDocument } from '../../collab/useDocument.ts'
import { useStage, type StageState } from '../stage/useStage.ts'

export interface FollowedStage {
  /** The team presenting now; null between the teams of a session. */
  readonly teamId: string | null
  /** The stage of that team (while waiting: of the last team followed, whose counts are not shown). */
  readonly stage: StageState
  readonly connection: ReturnType<typeof useConnection>
}

/**
 * Which team the audience watches. A team link shows its team. A session link follows the session's
 * `currentTeamId`, which the server writes into every presenting team's stage document: the audience
 * listens on the stage it shows and moves to the next team's stage when that value changes.
 */
export function useFollowedTeam(info: AudienceInfo, token: string): FollowedStage {
  const session = info.session
  const [knownTeamId, setKnownTeamId] = useState<string | null>(
    session ? session.currentTeamId : (info.teams[0]?.id ?? null)
  )
  const [listenTo, setListenTo] = useState<string | undefined>(knownTeamId ?? info.teams[0]?.id)
  const team = info.teams.find((t) => t.id === listenTo)
  const document = useDocument(team?.documents.stage, { shareToken: token })
  const stage = useStage(document?.ydoc)
  const connection = useConnection(document)

  // Only this session's word counts: a team may also present in another session.
  const liveSession = session && stage.session?.sessionId === session.id ? stage.session : null
  const liveTeamId = liveSession ? liveSession.currentTeamId : undefined
  useEffect(() => {
    if (liveTeamId === undefined) return
    setKnownTeamId(liveTeamId)
    if (liveTeamId !== null) setListenTo(liveTeamId)
  }, [liveTeamId])

  const teamId = knownTeamId !== null && knownTeamId === listenTo ? knownTeamId : null
  return { teamId: session ? teamId : (info.teams[0]?.id ?? null), stage, connection }
}

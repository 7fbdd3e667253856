import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Team, can, colorForPerson, documentAccess, type Me } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { useDocument, useConnection, useDocumentReady } from '../collab/useDocument.ts'
import {
  announcePresence,
  usePresence,
  type PresenceUser,
  type PresentPerson,
} from '../collab/usePresence.ts'
import { discardUnsavedChanges, type CollabDocument } from '../collab/openDocument.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { useSession } from '../session/SessionContext.tsx'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { useApi } from '../ui/useApi.ts'
import { BoardHeader } from './BoardHeader.tsx'
import { ExportMenu } from './ExportMenu.tsx'
import { InvitePanel } from './InvitePanel.tsx'
import { MemberList } from './MemberList.tsx'
import { SectionCard } from './SectionCard.tsx'
import { useCompleteness } from './useCompleteness.ts'
import { useSectionMeta } from './useSectionMeta.ts'
import { ReviewProvider } from '../feedback/ReviewContext.tsx'
import { ReviewOverlays } from '../feedback/ReviewOverlays.tsx'
import { RoundBar } from '../feedback/RoundBar.tsx'
import { PostingPanel } from '../selection/publish/PostingPanel.tsx'
import './board.css'

/** The team's live spec sheet: `/teams/:teamId`. */
export function SpecBoard({ teamId }: { teamId: string }) {
  const { me } = useSession()
  const path = `/api/teams/${encodeURIComponent(teamId)}`
  const team = useApi(path, (signal) => apiRequest(path, Team, { signal }))
  if (team.error !== undefined && !team.data) {
    return (
      <div className="page">
        <ErrorMessage error={team.error} onRetry={team.reload} />
      </div>
    )
  }
  if (!team.data || !me) {
    return (
      <div className="page">
        <Loading />
      </div>
    )
  }
  return <Board team={team.data} me={me} onMembersChanged={team.reload} />
}

function Board({
  team,
  me,
  onMembersChanged,
}: {
  team: Team
  me: Me
  onMembersChanged: () => void
}) {
  const { t } = useTranslation()
  const document = useDocument(team.documents.spec)
  const connection = useConnection(document)
  const isReady = useDocumentReady(document)
  const user = useMemo<PresenceUser>(
    () => ({
      name: me.person.name,
      color: colorForPerson(me.person.id),
      personId: me.person.id,
      role: team.myRole,
    }),
    [me.person.name, me.person.id, team.myRole]
  )
  const isReadOnlyRole = documentAccess(team.myRole, 'spec') !== 'write'
  // After a refused edit nothing typed could be saved: the sheet stays readable until it is reloaded.
  const isEditable =
    !isReadOnlyRole && connection.fatalReason === null && connection.refusedReason === null

  return (
    <div className="board">
      {document && (
        <BoardBody
          team={team}
          document={document}
          user={user}
          connection={connection}
          isReady={isReady}
          isEditable={isEditable}
          onMembersChanged={onMembersChanged}
          notices={
            <>
              {connection.fatalReason && (
                <p className="notice notice--error" role="alert">
                  {t(`connection.fatal.${connection.fatalReason}`)}
                </p>
              )}
              {connection.refusedReason && (
                <div className="notice notice--error" role="alert" data-testid="refused-notice">
                  <p>{t(`connection.refusedReason.${connection.refusedReason}`)}</p>
                  <button
                    type="button"
                    className="button notice__action"
                    onClick={() => document && void discardUnsavedChanges(document)}
                  >
                    {t('connection.discard')}
                  </button>
                </div>
              )}
              {isReadOnlyRole && (
                <p className="notice" data-testid="readonly-notice">
                  {t('board.readOnly')}
                </p>
              )}
              {connection.status === 'offline' && !isReadOnlyRole && (
                <p className="notice notice--warn">{t('connection.offlineHint')}</p>
              )}
            </>
          }
        />
      )}
      {!document && <Loading label={t('board.loadingDoc')} />}
    </div>
  )
}

interface BoardBodyProps {
  team: Team
  document: CollabDocument
  user: PresenceUser
  connection: ReturnType<typeof useConnection>
  isReady: boolean
  isEditable: boolean
  /** Someone present is not in the member list yet: they joined after the team was loaded. */
  onMembersChanged: () => void
  notices: ReactNode
}

function BoardBody(props: BoardBodyProps) {
  const { team, document, user, connection, isReady, isEditable, onMembersChanged, notices } = props
  const { t } = useTranslation()
  const language = useLanguage()
  const [focused, setFocused] = useState<string | null>(null)
  const people = usePresence(document.provider)
  const completeness = useCompleteness(document.ydoc, team.template)
  const { meta, update } = useSectionMeta(document.ydoc)

  useEffect(() => {
    announcePresence(document.provider, user, focused)
  }, [document.provider, user, focused])
  useNewcomers(people, team.members, onMembersChanged)

  const sectionTitle = useCallback(
    (key: string) => team.template.sections.find((s) => s.key === key)?.title[language],
    [team.template, language]
  )
  const writersBySection = useMemo(() => {
    const map = new Map<string, typeof people>()
    for (const p of people) {
      if (p.isSelf || !p.section) continue
      map.set(p.section, [...(map.get(p.section) ?? []), p])
    }
    return map
  }, [people])

  return (
    <ReviewProvider team={team} spec={document.ydoc} personId={user.personId}>
      <BoardHeader
        team={team}
        connection={connection}
        people={people}
        completeness={completeness}
        sectionTitle={sectionTitle}
      />
      <RoundBar />
      <div className="board__notices">{notices}</div>
      <div className="board__layout">
        <main className="board__sections">
          {!isReady && (
            <Loading
              label={
                connection.status === 'offline' ? t('board.offlineNoCache') : t('board.loadingDoc')
              }
            />
          )}
          {isReady &&
            team.template.sections
              // A retired section stays on sheets that have text in it, read-only; others drop it.
              .filter((s) => !s.retired || document.ydoc.getXmlFragment(s.key).length > 0)
              .map((section, index) => (
                <SectionCard
                  key={section.key}
                  index={index}
                  section={section}
                  document={document}
                  user={user}
                  meta={meta(section.key)}
                  members={team.members}
                  writers={writersBySection.get(section.key) ?? NOBODY}
                  isEditable={isEditable && !section.retired}
                  onMetaChange={update}
                  onFocusSection={setFocused}
                />
              ))}
        </main>
        <aside className="board__aside">
          <MemberList
            members={team.members}
            teamId={team.id}
            myRole={team.myRole}
            myPersonId={user.personId}
            onRemoved={onMembersChanged}
          />
          <ExportMenu teamId={team.id} />
          {can(team.myRole, 'selection:read') && (
            <PostingPanel teamId={team.id} programId={team.programId} myRole={team.myRole} />
          )}
          {can(team.myRole, 'team:invite') && <InvitePanel teamId={team.id} myRole={team.myRole} />}
        </aside>
      </div>
      <ReviewOverlays />
    </ReviewProvider>
  )
}

const NOBODY: never[] = []

/** Reloads the team once for each person who shows up present but is not a member we know of yet. */
function useNewcomers(
  people: readonly PresentPerson[],
  members: Team['members'],
  reload: () => void
) {
  const askedFor = useRef(new Set<string>())
  useEffect(() => {
    const known = new Set(members.map((m) => m.personId))
    // Coordinators act program-wide and are never team members: ask once per person, not forever.
    const newcomers = people.filter(
      (p) => !known.has(p.personId) && !askedFor.current.has(p.personId)
    )
    if (newcomers.length === 0) return
    for (const p of newcomers) askedFor.current.add(p.personId)
    reload()
  }, [people, members, reload])
}

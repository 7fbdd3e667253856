import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AudienceInfo } from '@specboard/shared'
import { useDocument } from '../../collab/useDocument.ts'
import { Loading } from '../../ui/Loading.tsx'
import type { DeckTeam } from '../slides/buildSlides.ts'
import { SlideView } from '../slides/SlideView.tsx'
import { useSlides } from '../slides/useSlides.ts'
import { ReactionBursts } from '../stage/ReactionBursts.tsx'
import { TimerDisplay } from '../stage/TimerDisplay.tsx'
import type { StageState } from '../stage/useStage.ts'
import { JoinDialog } from './JoinDialog.tsx'
import { ReactionBar } from './ReactionBar.tsx'

interface AudienceStageProps {
  info: AudienceInfo
  team: AudienceInfo['teams'][number]
  token: string
  stage: StageState
  onLinkGone: () => void
}

/** What the audience sees of the team on stage: the presenter's slide, the time, reactions, joining. */
export function AudienceStage({ info, team, token, stage, onLinkGone }: AudienceStageProps) {
  const { t } = useTranslation()
  const spec = useDocument(team.documents.spec, { shareToken: token })
  const deckTeam = useMemo<DeckTeam>(
    () => ({
      name: team.name,
      organization: team.organization,
      programName: info.programName,
      region: info.region,
      members: team.members,
    }),
    [team, info.programName, info.region]
  )
  const slides = useSlides(spec?.ydoc, deckTeam, info.template.sections)
  const [isJoining, setJoining] = useState(false)
  const current = Math.min(stage.slide, Math.max(0, slides.length - 1))
  const slide = slides[current]

  return (
    <>
      <div className="watch__meta">
        <div className="watch__team">
          <p className="watch__kicker">{info.session ? info.session.title : info.programName}</p>
          <h1 className="watch__team-name">{team.name}</h1>
          {team.organization && <p className="watch__org">{team.organization}</p>}
        </div>
        {stage.timer && <TimerDisplay timer={stage.timer} size="compact" />}
      </div>
      <div
        className="watch__stage"
        data-testid="current-slide"
        data-index={slide ? current : undefined}
      >
        {slide ? (
          <SlideView
            slide={slide}
            index={current}
            total={slides.length}
            teamName={team.name}
            variant="responsive"
          />
        ) : (
          <div className="watch__loading">
            <Loading label={t('pitch.watch.loading')} />
          </div>
        )}
        <ReactionBursts reactions={stage.reactions} />
      </div>
      <div className="watch__actions">
        <ReactionBar token={token} teamId={team.id} reactions={stage.reactions} />
        <button type="button" className="button watch__join" onClick={() => setJoining(true)}>
          {t('pitch.join.open')}
        </button>
      </div>
      {isJoining && (
        <JoinDialog
          token={token}
          teams={info.teams}
          teamId={team.id}
          onClose={() => setJoining(false)}
          onLinkGone={onLinkGone}
        />
      )}
    </>
  )
}

import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REACTION_KINDS, type ReactionKind } from '@specboard/shared'
import { ApiRequestError, apiSend } from '../../api.ts'
import { formatCount } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { ReactionIcon } from '../stage/ReactionIcon.tsx'

const NOTE_MS = 3500

interface ReactionBarProps {
  token: string
  teamId: string
  reactions: Readonly<Record<ReactionKind, number>>
}

/** Reaction buttons with the room's live counts; past the rate limit a gentle note, and the view carries on. */
export function ReactionBar({ token, teamId, reactions }: ReactionBarProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [note, setNote] = useState<'tooMany' | 'failed' | null>(null)
  const [pressed, setPressed] = useState<ReactionKind | null>(null)
  const noteTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(noteTimer.current), [])

  const showNote = (kind: 'tooMany' | 'failed') => {
    setNote(kind)
    clearTimeout(noteTimer.current)
    noteTimer.current = setTimeout(() => setNote(null), NOTE_MS)
  }

  const react = async (kind: ReactionKind) => {
    setPressed(kind)
    setTimeout(() => setPressed((k) => (k === kind ? null : k)), 250)
    try {
      await apiSend(`/api/audience/${encodeURIComponent(token)}/reactions`, {
        method: 'POST',
        body: { teamId, kind },
      })
    } catch (error) {
      showNote(error instanceof ApiRequestError && error.status === 429 ? 'tooMany' : 'failed')
    }
  }

  return (
    <div className="reaction-bar">
      <div className="reaction-bar__buttons" role="group" aria-label={t('pitch.reactions.send')}>
        {REACTION_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`reaction-bar__button${pressed === kind ? ' reaction-bar__button--pressed' : ''}`}
            onClick={() => void react(kind)}
            data-kind={kind}
          >
            <ReactionIcon kind={kind} size={24} />
            <span className="visually-hidden">{t(`pitch.reactions.kinds.${kind}`)}</span>
            <span className="reaction-bar__count" data-testid={`reaction-count-${kind}`}>
              {formatCount(reactions[kind], language)}
            </span>
          </button>
        ))}
      </div>
      <p className="reaction-bar__note" role="status" data-testid="reaction-note">
        {note && t(`pitch.reactions.${note}`)}
      </p>
    </div>
  )
}

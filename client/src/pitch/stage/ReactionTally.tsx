import { useTranslation } from 'react-i18next'
import { REACTION_KINDS, type ReactionKind } from '@specboard/shared'
import { formatCount } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { ReactionIcon } from './ReactionIcon.tsx'
import './stage.css'

/** Live reaction counts, one chip per kind. */
export function ReactionTally({
  reactions,
  tone = 'light',
}: {
  reactions: Readonly<Record<ReactionKind, number>>
  tone?: 'light' | 'dark'
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <ul
      className={`reaction-tally plain-list reaction-tally--${tone}`}
      aria-label={t('pitch.reactions.label')}
      data-testid="reaction-tally"
    >
      {REACTION_KINDS.map((kind) => (
        <li
          key={kind}
          className="reaction-tally__item"
          data-kind={kind}
          title={t(`pitch.reactions.kinds.${kind}`)}
        >
          <ReactionIcon kind={kind} size={18} />
          <span className="visually-hidden">{t(`pitch.reactions.kinds.${kind}`)}</span>
          <span className="reaction-tally__count" data-testid={`reaction-count-${kind}`}>
            {formatCount(reactions[kind], language)}
          </span>
        </li>
      ))}
    </ul>
  )
}

import { useTranslation } from 'react-i18next'
import { DISPLAY_TIME_ZONE, type PitchSession } from '@specboard/shared'
import { formatEventDateTime } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import './waiting.css'

/** Between teams (or before the first): what this session is, who presents, and that the view will switch. */
export function Waiting({ session }: { session: PitchSession }) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <section className="watch-waiting" data-testid="waiting" aria-labelledby="waiting-title">
      <p className="watch-waiting__kicker">
        <span className="watch-waiting__kind">{t(`pitch.kinds.${session.kind}`)}</span>
        {formatEventDateTime(session.startsAt, language, DISPLAY_TIME_ZONE)}
      </p>
      <h1 id="waiting-title">{t('pitch.watch.waitingTitle')}</h1>
      <p className="watch-waiting__lead">{t('pitch.watch.waitingLead')}</p>
      <ol className="watch-waiting__teams plain-list" aria-label={t('pitch.watch.order')}>
        {session.teams.map((team, i) => (
          <li key={team.id}>
            <span className="watch-waiting__number">{String(i + 1).padStart(2, '0')}</span>
            <span className="watch-waiting__team">
              {team.name}
              {team.organization && <small>{team.organization}</small>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}

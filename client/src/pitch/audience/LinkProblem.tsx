import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx'
import './linkProblem.css'

export type LinkProblemReason = 'unknown' | 'expired' | 'revoked'

const ICON: Record<LinkProblemReason, string> = { unknown: '?', expired: '⌛', revoked: '⊘' }

/** A share link that no longer opens anything, said plainly, with what to do next. */
export function LinkProblem({ reason }: { reason: LinkProblemReason }) {
  const { t } = useTranslation()
  return (
    <div className="watch watch--problem">
      <div className="watch__corner">
        <LanguageSwitch />
      </div>
      <div className="watch-problem" role="alert" data-testid="link-problem" data-reason={reason}>
        <span className="watch-problem__icon" aria-hidden="true">
          {ICON[reason]}
        </span>
        <h1>{t(`pitch.watch.problem.${reason}.title`)}</h1>
        <p>{t(`pitch.watch.problem.${reason}.body`)}</p>
      </div>
    </div>
  )
}

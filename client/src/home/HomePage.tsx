import { useTranslation } from 'react-i18next'
import { useSession } from '../session/SessionContext.tsx'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { Memberships } from './Memberships.tsx'
import { Welcome } from './Welcome.tsx'
import './home.css'

/** `/`: your programs and teams when signed in, otherwise what Specboard is and how to get in. */
export function HomePage() {
  const { t } = useTranslation()
  const { me, error, refresh } = useSession()
  if (error !== undefined) {
    return (
      <div className="page">
        <ErrorMessage error={error} onRetry={() => void refresh()} />
      </div>
    )
  }
  if (me === undefined) {
    return (
      <div className="page">
        <Loading />
      </div>
    )
  }
  if (me === null) return <Welcome />
  return (
    <div className="page">
      <h1 className="page-title">{t('home.title')}</h1>
      <p className="page-lead">{t('home.lead')}</p>
      <Memberships memberships={me.memberships} />
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import { ProgramList, can, type Me } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { useSession } from '../session/SessionContext.tsx'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { useApi } from '../ui/useApi.ts'
import { CreateProgramForm } from './CreateProgramForm.tsx'
import { Memberships } from './Memberships.tsx'
import { Welcome } from './Welcome.tsx'
import './home.css'

/** `/`: your programs and teams when signed in, otherwise what Specboard is and how to get in. */
export function HomePage() {
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
  return me === null ? <Welcome /> : <SignedInHome me={me} />
}

function SignedInHome({ me }: { me: Me }) {
  const { t } = useTranslation()
  const { refresh } = useSession()
  const programs = useApi(`/api/programs#${me.person.id}`, (signal) =>
    apiRequest('/api/programs', ProgramList, { signal })
  )
  const mayCreatePrograms =
    me.person.isAdmin || me.memberships.some((m) => can(m.role, 'program:create'))
  return (
    <div className="page">
      <h1 className="page-title">{t('home.title')}</h1>
      <p className="page-lead">{t('home.lead')}</p>
      {programs.error !== undefined && (
        <ErrorMessage error={programs.error} onRetry={programs.reload} />
      )}
      {programs.isLoading ? (
        <Loading />
      ) : (
        <Memberships memberships={me.memberships} programs={programs.data?.programs ?? []} />
      )}
      {mayCreatePrograms && (
        <CreateProgramForm
          onCreated={() => {
            programs.reload()
            void refresh()
          }}
        />
      )}
    </div>
  )
}

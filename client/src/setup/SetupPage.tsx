import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { SetupResponse } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { useSession } from '../session/SessionContext.tsx'
import { PersonForm } from '../ui/PersonForm.tsx'

/** `/setup/:token`: the first person on a new install names themself and becomes the administrator. */
export function SetupPage({ token }: { token: string }) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const { refresh } = useSession()

  const submit = async (name: string, email: string) => {
    // The server answers with the HttpOnly session cookie; the body's token is not kept by the client.
    await apiRequest('/api/setup', SetupResponse, { method: 'POST', body: { token, name, email } })
    await refresh()
    navigate('/')
  }

  return (
    <div className="page page--narrow">
      <div className="card stack">
        <h1>{t('setup.title')}</h1>
        <p className="muted">{t('setup.lead')}</p>
        <PersonForm
          nameLabel={t('setup.name')}
          namePlaceholder={t('setup.namePlaceholder')}
          submitLabel={t('setup.submit')}
          onSubmit={submit}
        />
      </div>
    </div>
  )
}

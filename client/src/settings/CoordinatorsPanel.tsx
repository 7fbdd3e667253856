import { useState, type FormEvent } from 'react'
import { type Coordinator, CoordinatorList, EmailAddress } from '@specboard/shared'
import { apiRequest, apiSend } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { EmailField } from '../ui/EmailField.tsx'
import { useApi } from '../ui/useApi.ts'
import { useSubmit } from '../ui/useSubmit.ts'

/** The program's coordinators: inviting another one by email, and removing one (never the last). */
export function CoordinatorsPanel({ programId }: { programId: string }) {
  const ta = useAccountsText()
  const language = useLanguage()
  const path = `/api/programs/${encodeURIComponent(programId)}/coordinators`
  const list = useApi(path, (signal) => apiRequest(path, CoordinatorList, { signal }))
  const [email, setEmail] = useState('')
  const [appointed, setAppointed] = useState<string | null>(null)
  const { isSending, error, setError, run } = useSubmit()
  const [removedName, setRemovedName] = useState<string | null>(null)
  const isValid = EmailAddress.safeParse(email).success

  const remove = async (coordinator: Coordinator) => {
    if (!window.confirm(ta('coordinators.removeConfirm', { name: coordinator.name }))) return
    setError(null)
    setAppointed(null)
    try {
      await apiSend(`${path}/${encodeURIComponent(coordinator.personId)}`, { method: 'DELETE' })
      setRemovedName(coordinator.name)
      list.reload()
    } catch (e) {
      setError(e)
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!isValid) return
    await run(async () => {
      await apiSend(path, { method: 'POST', body: { email: email.trim(), lang: language } })
      setAppointed(email.trim())
      setRemovedName(null)
      setEmail('')
      list.reload()
    })
  }

  return (
    <section className="card stack" aria-labelledby="settings-coordinators">
      <div>
        <h2 id="settings-coordinators">{ta('coordinators.title')}</h2>
        <p className="muted small">{ta('coordinators.lead')}</p>
      </div>
      {list.error !== undefined && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.isLoading && !list.data && <Loading />}
      {list.data && list.data.coordinators.length > 0 && (
        <ul className="coordinator-list plain-list" data-testid="coordinator-list">
          {list.data.coordinators.map((c, _i, all) => (
            <li key={c.memberId} className="coordinator-list__item">
              <span>
                <strong>{c.name}</strong> <span className="muted small">{c.email}</span>
              </span>
              {all.length > 1 && (
                <button
                  type="button"
                  className="button button--small button--danger"
                  aria-label={ta('coordinators.removeLabel', { name: c.name })}
                  onClick={() => void remove(c)}
                >
                  {ta('coordinators.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.data?.coordinators.length === 0 && (
        <p className="muted small" data-testid="coordinators-empty">
          {ta('coordinators.none')}
        </p>
      )}
      {list.data?.coordinators.length === 1 && (
        <p className="muted small">{ta('coordinators.lastOne')}</p>
      )}
      <form className="settings__inline-form" onSubmit={submit}>
        <EmailField
          id="coordinator-email"
          label={ta('coordinators.email')}
          value={email}
          onValue={setEmail}
          autoComplete="off"
        />
        <button className="button button--primary" type="submit" disabled={!isValid || isSending}>
          {ta('coordinators.appoint')}
        </button>
      </form>
      {appointed && (
        <p className="notice notice--ok" role="status">
          {ta('coordinators.appointed', { email: appointed })}
        </p>
      )}
      {removedName && (
        <p className="notice notice--ok" role="status">
          {ta('coordinators.removed', { name: removedName })}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </section>
  )
}

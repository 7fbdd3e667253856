import { useState, type FormEvent } from 'react'
import { DigestSetting } from '@specboard/shared'
import { ApiRequestError, apiRequest } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { useApi } from '../ui/useApi.ts'
import { useSubmit } from '../ui/useSubmit.ts'

/** The signed-in coordinator's own daily digest for this program: on or off, in the screen's language. */
export function DigestPanel({ programId }: { programId: string }) {
  const ta = useAccountsText()
  const language = useLanguage()
  const path = `/api/programs/${encodeURIComponent(programId)}/digest`
  const current = useApi(path, (signal) => apiRequest(path, DigestSetting, { signal }))
  const [enabled, setEnabled] = useState<boolean | null>(null)
  const { isSending, error, run } = useSubmit()
  const [isSaved, setSaved] = useState(false)
  const shown = enabled ?? current.data?.enabled ?? true

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(false)
    await run(async () => {
      await apiRequest(path, DigestSetting, {
        method: 'PUT',
        body: { enabled: shown, lang: language },
      })
      setSaved(true)
      setEnabled(null)
      current.reload()
    })
  }

  // The operations token is nobody: it has no digest of its own.
  if (current.error instanceof ApiRequestError && current.error.code === 'no_person') return null
  return (
    <form
      className="card stack"
      onSubmit={save}
      aria-labelledby="settings-digest"
      data-testid="digest"
    >
      <div>
        <h2 id="settings-digest">{ta('digest.title')}</h2>
        <p className="muted small">{ta('digest.lead')}</p>
      </div>
      {current.error !== undefined && (
        <ErrorMessage error={current.error} onRetry={current.reload} />
      )}
      {current.isLoading && !current.data && <Loading />}
      {current.data && (
        <>
          <label className="webhook__event">
            <input
              type="checkbox"
              checked={shown}
              onChange={(e) => {
                setEnabled(e.target.checked)
                setSaved(false)
              }}
            />{' '}
            {ta('digest.enabled')}
          </label>
          <p className="muted small">
            {current.data.email
              ? ta('digest.to', { email: current.data.email })
              : ta('digest.noEmail')}
          </p>
          <div className="settings__actions">
            <button className="button button--primary" type="submit" disabled={isSending}>
              {ta('digest.save')}
            </button>
            {isSaved && (
              <span className="muted small" role="status">
                {ta('digest.saved')}
              </span>
            )}
          </div>
        </>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  )
}

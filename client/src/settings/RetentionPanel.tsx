import { useState, type FormEvent } from 'react'
import {
  ErasureResult,
  RetentionMonths,
  RetentionOverview,
  type RetentionPosting,
  DISPLAY_TIME_ZONE,
} from '@specboard/shared'
import { apiRequest, apiSend } from '../api.ts'
import { formatDate } from '../i18n/format.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { TextField } from '../ui/TextField.tsx'
import { useApi } from '../ui/useApi.ts'
import { useSubmit } from '../ui/useSubmit.ts'
import { SaveActions } from './SaveActions.tsx'

/**
 * The program's retention period for applicants' personal data, when each posting's unkept applicants are
 * erased, and erasing a closed posting's now.
 */
export function RetentionPanel({ programId }: { programId: string }) {
  const ta = useAccountsText()
  const base = `/api/programs/${encodeURIComponent(programId)}`
  const path = `${base}/retention`
  const overview = useApi(path, (signal) => apiRequest(path, RetentionOverview, { signal }))
  const [months, setMonths] = useState<string | null>(null)
  const { isSending, error, run } = useSubmit()
  const [isSaved, setSaved] = useState(false)

  const shown = months ?? String(overview.data?.retentionMonths ?? '')
  const parsed = RetentionMonths.safeParse(Number(shown))
  const problem =
    shown.trim() === '' || parsed.success ? null : (parsed.error.issues[0]?.message ?? null)

  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (!parsed.success) return
    setSaved(false)
    await run(async () => {
      await apiSend(base, { method: 'PATCH', body: { retentionMonths: parsed.data } })
      setSaved(true)
      setMonths(null)
      overview.reload()
    })
  }

  return (
    <section className="card stack" aria-labelledby="settings-retention" data-testid="retention">
      <div>
        <h2 id="settings-retention">{ta('retention.title')}</h2>
        <p className="muted small">{ta('retention.lead')}</p>
      </div>
      {overview.error !== undefined && (
        <ErrorMessage error={overview.error} onRetry={overview.reload} />
      )}
      {overview.isLoading && !overview.data && <Loading />}
      {overview.data && (
        <>
          <form className="settings__inline-form" onSubmit={save}>
            <TextField
              id="retention-months"
              type="number"
              min={1}
              max={60}
              inputMode="numeric"
              label={ta('retention.months')}
              value={shown}
              onValue={(v) => {
                setMonths(v)
                setSaved(false)
              }}
              problem={problem}
            />
            <SaveActions
              label={ta('retention.save')}
              savedLabel={ta('retention.saved')}
              isSaved={isSaved}
              disabled={!parsed.success || isSending}
            />
          </form>
          <h3>{ta('retention.postings')}</h3>
          {overview.data.postings.length === 0 ? (
            <p className="muted">{ta('retention.empty')}</p>
          ) : (
            <ul className="retention-list plain-list">
              {overview.data.postings.map((posting) => (
                <RetentionRow
                  key={posting.postingId}
                  posting={posting}
                  erasePath={`${path}/erase`}
                  onErased={overview.reload}
                />
              ))}
            </ul>
          )}
        </>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </section>
  )
}

function RetentionRow({
  posting,
  erasePath,
  onErased,
}: {
  posting: RetentionPosting
  erasePath: string
  onErased: () => void
}) {
  const ta = useAccountsText()
  const language = useLanguage()
  const [isConfirming, setConfirming] = useState(false)
  const [erased, setErased] = useState<number | null>(null)
  const { isSending, error, run } = useSubmit()
  const day = (iso: string) => formatDate(iso, language, DISPLAY_TIME_ZONE)

  const erase = async () => {
    await run(async () => {
      const result = await apiRequest(erasePath, ErasureResult, {
        method: 'POST',
        body: { postingId: posting.postingId },
      })
      setErased(result.erased)
      setConfirming(false)
      onErased()
    })
  }

  return (
    <li className="retention stack">
      <strong>{posting.title}</strong>
      <p className="muted small">
        {posting.closedAt && posting.eraseAt
          ? ta('retention.closed', { closed: day(posting.closedAt), eraseAt: day(posting.eraseAt) })
          : ta('retention.open')}
        <br />
        {ta('retention.counts', { pending: posting.pending, erased: posting.erased })}
      </p>
      {erased !== null && (
        <p className="notice notice--ok" role="status">
          {ta('retention.done', { count: erased })}
        </p>
      )}
      {posting.closedAt && posting.pending > 0 && !isConfirming && (
        <div>
          <button className="button" type="button" onClick={() => setConfirming(true)}>
            {ta('retention.eraseNow')}
          </button>
        </div>
      )}
      {isConfirming && (
        <div className="notice stack" role="alertdialog" aria-label={ta('retention.eraseNow')}>
          <p>{ta('retention.confirm', { count: posting.pending })}</p>
          <div className="settings__actions">
            <button
              className="button button--danger"
              type="button"
              disabled={isSending}
              onClick={() => void erase()}
            >
              {ta('retention.confirmButton')}
            </button>
            <button className="button" type="button" onClick={() => setConfirming(false)}>
              {ta('retention.cancel')}
            </button>
          </div>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </li>
  )
}

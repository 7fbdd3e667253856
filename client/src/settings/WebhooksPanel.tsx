import { useState, type FormEvent } from 'react'
import {
  CreatedWebhook,
  WEBHOOK_EVENTS,
  type Webhook,
  WebhookDeliveryList,
  type WebhookEventType,
  WebhookList,
} from '@specboard/shared'
import { apiRequest, apiSend } from '../api.ts'
import { formatDateTime } from '../i18n/format.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { TextField } from '../ui/TextField.tsx'
import { WebhookEditor } from './WebhookEditor.tsx'
import { WebhookEventChoice } from './WebhookEventChoice.tsx'
import { useApi } from '../ui/useApi.ts'
import { useSubmit } from '../ui/useSubmit.ts'

/** The program's webhook endpoints: registering one, its recent deliveries, sending one again. */
export function WebhooksPanel({ programId }: { programId: string }) {
  const ta = useAccountsText()
  const path = `/api/programs/${encodeURIComponent(programId)}/webhooks`
  const list = useApi(path, (signal) => apiRequest(path, WebhookList, { signal }))
  const [url, setUrl] = useState('')
  const [events, setEvents] = useState<WebhookEventType[]>([...WEBHOOK_EVENTS])
  const [created, setCreated] = useState<CreatedWebhook | null>(null)
  const { isSending, error, run } = useSubmit()

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    await run(async () => {
      setCreated(
        await apiRequest(path, CreatedWebhook, {
          method: 'POST',
          body: { url: url.trim(), events },
        })
      )
      setUrl('')
      list.reload()
    })
  }

  const remove = (webhook: Webhook) =>
    run(async () => {
      await apiSend(`${path}/${encodeURIComponent(webhook.id)}`, { method: 'DELETE' })
      if (created?.id === webhook.id) setCreated(null)
      list.reload()
    })

  return (
    <section className="card stack" aria-labelledby="settings-webhooks" data-testid="webhooks">
      <div>
        <h2 id="settings-webhooks">{ta('webhooks.title')}</h2>
        <p className="muted small">{ta('webhooks.lead')}</p>
      </div>
      {list.error !== undefined && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.isLoading && !list.data && <Loading />}
      {list.data?.webhooks.length === 0 && <p className="muted">{ta('webhooks.empty')}</p>}
      {list.data && list.data.webhooks.length > 0 && (
        <ul className="webhook-list plain-list">
          {list.data.webhooks.map((webhook) => (
            <li key={webhook.id} className="webhook stack">
              <div className="settings__title-row">
                <code className="webhook__url">{webhook.url}</code>
                <button className="button" type="button" onClick={() => void remove(webhook)}>
                  {ta('webhooks.remove')}
                </button>
              </div>
              <p className="muted small">
                {webhook.events.map((e) => ta(`webhooks.event.${e}`)).join('・')}
              </p>
              {created?.id === webhook.id && (
                <p className="notice notice--ok" role="status">
                  {ta('webhooks.secretOnce')}
                  <br />
                  <code className="webhook__url">{created.secret}</code>
                </p>
              )}
              <WebhookEditor
                path={`${path}/${encodeURIComponent(webhook.id)}`}
                webhook={webhook}
                onChanged={list.reload}
                onRotated={setCreated}
              />
              <DeliveryLog path={`${path}/${encodeURIComponent(webhook.id)}/deliveries`} />
            </li>
          ))}
        </ul>
      )}
      <form className="stack" onSubmit={submit}>
        <TextField
          id="webhook-url"
          type="url"
          label={ta('webhooks.url')}
          placeholder="https://example.jp/hooks/specboard"
          value={url}
          onValue={setUrl}
          maxLength={2000}
          autoComplete="off"
        />
        <WebhookEventChoice events={events} onEvents={setEvents} />
        <div>
          <button
            className="button button--primary"
            type="submit"
            disabled={url.trim() === '' || events.length === 0 || isSending}
          >
            {ta('webhooks.add')}
          </button>
        </div>
      </form>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  )
}

/** One endpoint's recent deliveries, refreshed while some are still waiting for a retry. */
function DeliveryLog({ path }: { path: string }) {
  const ta = useAccountsText()
  const language = useLanguage()
  const log = useApi(path, (signal) => apiRequest(path, WebhookDeliveryList, { signal }), 10_000)
  const { error, run } = useSubmit()

  const redeliver = (deliveryId: string) =>
    run(async () => {
      await apiSend(`${path}/${encodeURIComponent(deliveryId)}/redeliver`, { method: 'POST' })
      log.reload()
    })

  return (
    <details className="webhook__log">
      <summary>{ta('webhooks.log')}</summary>
      {log.error !== undefined && <ErrorMessage error={log.error} onRetry={log.reload} />}
      {log.data?.deliveries.length === 0 && (
        <p className="muted small">{ta('webhooks.logEmpty')}</p>
      )}
      {log.data && log.data.deliveries.length > 0 && (
        <ul className="webhook__deliveries plain-list">
          {log.data.deliveries.map((d) => (
            <li key={d.id} className={`webhook__delivery webhook__delivery--${d.status}`}>
              <span>{ta(`webhooks.event.${d.type}`)}</span>
              <span className="muted small">{formatDateTime(d.createdAt, language)}</span>
              <span>
                {ta(`webhooks.status.${d.status}`)}
                {d.responseCode !== null && ` (${d.responseCode})`}
              </span>
              <span className="muted small">{ta('webhooks.attempts', { count: d.attempts })}</span>
              {d.error && <span className="small webhook__error">{d.error}</span>}
              <button className="button" type="button" onClick={() => void redeliver(d.id)}>
                {ta('webhooks.redeliver')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </details>
  )
}

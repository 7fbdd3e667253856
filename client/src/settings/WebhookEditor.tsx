import { useState, type FormEvent } from 'react'
import { CreatedWebhook, Webhook, type WebhookEventType } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { TextField } from '../ui/TextField.tsx'
import { WebhookEventChoice } from './WebhookEventChoice.tsx'
import { useSubmit } from '../ui/useSubmit.ts'

/**
 * Changing one endpoint: its URL and events, or a new signing secret (after a confirmation: receivers
 * must take the new secret, which is shown once).
 */
export function WebhookEditor({
  path,
  webhook,
  onChanged,
  onRotated,
}: {
  /** `/api/programs/:programId/webhooks/:webhookId` */
  path: string
  webhook: Webhook
  onChanged: () => void
  onRotated: (created: CreatedWebhook) => void
}) {
  const ta = useAccountsText()
  const [mode, setMode] = useState<'idle' | 'editing' | 'rotating'>('idle')
  const [url, setUrl] = useState(webhook.url)
  const [events, setEvents] = useState<WebhookEventType[]>([...webhook.events])
  const { isSending, error, run } = useSubmit()

  const send = async (work: () => Promise<void>) => {
    await run(async () => {
      await work()
      setMode('idle')
    })
  }
  const save = (event: FormEvent) => {
    event.preventDefault()
    void send(async () => {
      await apiRequest(path, Webhook, { method: 'PATCH', body: { url: url.trim(), events } })
      onChanged()
    })
  }
  const rotate = () =>
    send(async () => {
      onRotated(await apiRequest(`${path}/rotate-secret`, CreatedWebhook, { method: 'POST' }))
    })

  return (
    <div className="stack">
      {mode === 'idle' && (
        <div className="settings__actions">
          <button className="button" type="button" onClick={() => setMode('editing')}>
            {ta('webhooks.edit')}
          </button>
          <button className="button" type="button" onClick={() => setMode('rotating')}>
            {ta('webhooks.rotate')}
          </button>
        </div>
      )}
      {mode === 'editing' && (
        <form className="stack" onSubmit={save}>
          <TextField
            id={`webhook-url-${webhook.id}`}
            type="url"
            label={ta('webhooks.url')}
            value={url}
            onValue={setUrl}
            maxLength={2000}
            autoComplete="off"
          />
          <WebhookEventChoice events={events} onEvents={setEvents} />
          <div className="settings__actions">
            <button
              className="button button--primary"
              type="submit"
              disabled={url.trim() === '' || events.length === 0 || isSending}
            >
              {ta('webhooks.save')}
            </button>
            <button className="button" type="button" onClick={() => setMode('idle')}>
              {ta('webhooks.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode === 'rotating' && (
        <div className="notice stack" role="alertdialog" aria-label={ta('webhooks.rotate')}>
          <p>{ta('webhooks.rotateConfirm')}</p>
          <div className="settings__actions">
            <button
              className="button button--primary"
              type="button"
              disabled={isSending}
              onClick={() => void rotate()}
            >
              {ta('webhooks.rotateButton')}
            </button>
            <button className="button" type="button" onClick={() => setMode('idle')}>
              {ta('webhooks.cancel')}
            </button>
          </div>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  )
}

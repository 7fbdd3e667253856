import { WEBHOOK_EVENTS, type WebhookEventType } from '@specboard/shared'
import { useAccountsText } from '../i18n/useAccountsText.ts'

/** The events an endpoint gets, as checkboxes (registering and changing an endpoint). */
export function WebhookEventChoice({
  events,
  onEvents,
}: {
  events: readonly WebhookEventType[]
  onEvents: (events: WebhookEventType[]) => void
}) {
  const ta = useAccountsText()
  const toggle = (event: WebhookEventType) =>
    onEvents(events.includes(event) ? events.filter((e) => e !== event) : [...events, event])
  return (
    <fieldset className="settings__targets">
      <legend>{ta('webhooks.events')}</legend>
      <div className="webhook__events">
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="webhook__event">
            <input
              type="checkbox"
              checked={events.includes(event)}
              onChange={() => toggle(event)}
            />{' '}
            {ta(`webhooks.event.${event}`)}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

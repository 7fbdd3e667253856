import { useTranslation } from 'react-i18next'
import type { ConnectionState } from '../collab/ConnectionTracker.ts'
import './ui.css'

/** Always-visible connection state of a document, with unsynced local changes called out. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useTranslation()
  return (
    <div className="connection" role="status" aria-live="polite" data-testid="connection">
      <span
        className={`connection__state connection__state--${state.status}`}
        data-status={state.status}
      >
        <span className="connection__dot" aria-hidden="true" />
        {t(`connection.${state.status}`)}
      </span>
      {state.hasUnsyncedChanges && (
        <span className="connection__unsynced" data-testid="unsynced">
          {t('connection.unsynced')}
        </span>
      )}
    </div>
  )
}

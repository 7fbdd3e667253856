import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../api.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'

/** Refusals the selection rules answer with, said in words; anything else as the generic error. */
const KNOWN = [
  'no_pool_consent',
  'erased',
  'slot_taken',
  'slot_not_found',
  'slot_past',
  'already_booked',
  'not_bookable',
  'not_scheduled',
  'window_booked',
  'sheet_empty',
] as const
type KnownCode = (typeof KNOWN)[number]

function isKnown(code: string): code is KnownCode {
  return (KNOWN as readonly string[]).includes(code)
}

export function SelectionError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  if (error instanceof ApiRequestError && isKnown(error.code)) {
    return (
      <p className="notice notice--error" role="alert" data-code={error.code}>
        {t(`selection.errors.${error.code}`)}
      </p>
    )
  }
  return <ErrorMessage error={error} onRetry={onRetry} />
}

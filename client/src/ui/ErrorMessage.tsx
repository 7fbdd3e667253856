import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../api.ts'
import type { Translate } from '../i18n/translate.ts'

interface ErrorMessageProps {
  error: unknown
  onRetry?: () => void
}

/** Says what went wrong in words, with a retry button where retrying can help. */
export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  const { t } = useTranslation()
  return (
    <div className="notice notice--error" role="alert">
      <p>{describeError(error, t)}</p>
      {onRetry && (
        <button
          type="button"
          className="button button--small"
          onClick={onRetry}
          style={{ marginTop: 8 }}
        >
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}

/** The sentence shown for an error. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiRequestError) {
    switch (error.kind) {
      case 'unauthorized':
      case 'forbidden':
      case 'notFound':
      case 'network':
      case 'server':
        return t(`errors.${error.kind}`)
      case 'invalid':
        return t('errors.invalid', { message: error.message })
      case 'unknown':
        return t('errors.unknown', { message: error.message })
    }
  }
  return t('errors.unknown', { message: error instanceof Error ? error.message : String(error) })
}

import { useTranslation } from 'react-i18next'

/** A quiet loading line; `label` overrides the generic text. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="loading__dot" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  )
}

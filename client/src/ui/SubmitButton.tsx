import { useTranslation } from 'react-i18next'

/** A form's primary submit: says it is saving while the request runs, and cannot be sent twice meanwhile. */
export function SubmitButton({
  label,
  isSending,
  disabled = false,
  isSmall = false,
}: {
  label: string
  isSending: boolean
  /** Not ready to send (an empty or invalid form), besides while sending. */
  disabled?: boolean
  isSmall?: boolean
}) {
  const { t } = useTranslation()
  return (
    <button
      className={isSmall ? 'button button--primary button--small' : 'button button--primary'}
      type="submit"
      disabled={disabled || isSending}
    >
      {isSending ? t('common.saving') : label}
    </button>
  )
}

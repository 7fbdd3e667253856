import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { useApi } from '../ui/useApi.ts'
import { useSubmit } from '../ui/useSubmit.ts'
import { selectionApi } from './selectionApi.ts'
import { DISPLAY_TIME_ZONE } from '@specboard/shared'

const REFRESH_MS = 60_000

/**
 * Applicant mail the server gave up on after its retries: who did not hear from the program, so the
 * coordinator can reach them another way, and take each off the list once they did. Nothing shows
 * while all mail goes out.
 */
export function MailProblemsNotice({ programId }: { programId: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const problems = useApi(
    `mail-problems:${programId}`,
    (signal) => selectionApi.mailProblems(programId, signal),
    REFRESH_MS
  )
  const { isSending, error, run } = useSubmit()
  const failures = problems.data?.failures ?? []
  if (failures.length === 0) return null
  const dismiss = (failureId: string) =>
    run(async () => {
      await selectionApi.dismissMailProblem(programId, failureId)
      problems.reload()
    })
  return (
    <div className="notice notice--error" role="status" data-testid="mail-problems">
      <p>
        <strong>{t('selection.mail.problemsTitle', { count: failures.length })}</strong>
      </p>
      <p className="small">{t('selection.mail.problemsBody')}</p>
      <ul className="mail-problems">
        {failures.map((f) => (
          <li key={f.id}>
            {formatDateTime(f.at, language, DISPLAY_TIME_ZONE)}・{f.to}・{f.subject}{' '}
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={t('selection.mail.dismissLabel', { to: f.to })}
              disabled={isSending}
              onClick={() => void dismiss(f.id)}
            >
              {t('selection.mail.dismiss')}
            </button>
          </li>
        ))}
      </ul>
      {error !== null && <ErrorMessage error={error} />}
    </div>
  )
}

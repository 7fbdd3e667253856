import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { useApi } from '../ui/useApi.ts'
import { selectionApi } from './selectionApi.ts'
import { DISPLAY_TIME_ZONE } from '@specboard/shared'

const REFRESH_MS = 60_000

/**
 * Applicant mail the server gave up on after its retries: who did not hear from the program, so the
 * coordinator can reach them another way. Nothing shows while all mail goes out.
 */
export function MailProblemsNotice({ programId }: { programId: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const problems = useApi(
    `mail-problems:${programId}`,
    (signal) => selectionApi.mailProblems(programId, signal),
    REFRESH_MS
  )
  const failures = problems.data?.failures ?? []
  if (failures.length === 0) return null
  return (
    <div className="notice notice--error" role="status" data-testid="mail-problems">
      <p>
        <strong>{t('selection.mail.problemsTitle', { count: failures.length })}</strong>
      </p>
      <p className="small">{t('selection.mail.problemsBody')}</p>
      <ul className="mail-problems">
        {failures.map((f) => (
          <li key={`${f.at}-${f.to}`}>
            {formatDateTime(f.at, language, DISPLAY_TIME_ZONE)}・{f.to}・{f.subject}
          </li>
        ))}
      </ul>
    </div>
  )
}

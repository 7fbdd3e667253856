import { useTranslation } from 'react-i18next'
import type { PostingListItem } from '@specboard/shared'
import { ErrorMessage } from '../../ui/ErrorMessage.tsx'
import { Loading } from '../../ui/Loading.tsx'
import { useApi } from '../../ui/useApi.ts'
import { selectionApi } from '../selectionApi.ts'
import { AgendaList } from './AgendaList.tsx'
import { WindowForm } from './WindowForm.tsx'
import { WindowList } from './WindowList.tsx'
import '../selection.css'
import './interviews.css'

// Applicants book from their status pages; a slow poll keeps the agenda and the slots current.
const REFRESH_MS = 30_000

/** The coordinator's interviews: the agenda ahead, and the availability windows applicants pick from. */
export function InterviewsSection({
  programId,
  postings,
}: {
  programId: string
  postings: readonly PostingListItem[]
}) {
  const { t } = useTranslation()
  const windows = useApi(
    `windows:${programId}`,
    (signal) => selectionApi.windows(programId, signal),
    REFRESH_MS
  )
  const agenda = useApi(
    `agenda:${programId}`,
    (signal) => selectionApi.agenda(programId, signal),
    REFRESH_MS
  )
  const reload = () => {
    windows.reload()
    agenda.reload()
  }
  const failure = windows.error ?? agenda.error

  return (
    <>
      <section className="selection-section card" aria-labelledby="agenda-title">
        <h2 id="agenda-title" className="selection-section__title">
          {t('selection.agenda.title')}
        </h2>
        <p className="muted small">{t('selection.agenda.lead')}</p>
        {failure !== undefined && <ErrorMessage error={failure} onRetry={reload} />}
        {agenda.data && windows.data ? (
          <AgendaList interviews={agenda.data} windows={windows.data} onChanged={reload} />
        ) : (
          failure === undefined && <Loading />
        )}
      </section>
      <section id="windows" className="selection-section card" aria-labelledby="windows-title">
        <h2 id="windows-title" className="selection-section__title">
          {t('selection.windows.title')}
        </h2>
        <p className="muted small">{t('selection.windows.lead')}</p>
        <WindowForm programId={programId} postings={postings} onCreated={reload} />
        {windows.data && (
          <WindowList
            programId={programId}
            windows={windows.data}
            postings={postings}
            onChanged={reload}
          />
        )}
      </section>
    </>
  )
}

import { useTranslation } from 'react-i18next'
import type { InterviewWindow } from '@specboard/shared'
import type { AgendaItem } from '../selectionApi.ts'
import { freeSlotsFor } from './freeSlots.ts'
import { InterviewControls } from './InterviewControls.tsx'

interface AgendaListProps {
  interviews: readonly AgendaItem[]
  windows: readonly InterviewWindow[]
  onChanged: () => void
}

/** The booked interviews ahead, earliest first, each movable and cancellable; the rest folded away. */
export function AgendaList({ interviews, windows, onChanged }: AgendaListProps) {
  const { t } = useTranslation()
  const now = Date.now()
  const upcoming = interviews
    .filter((i) => i.status === 'scheduled' && Date.parse(i.endsAt) > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  const held = interviews.filter(
    (i) => i.status === 'scheduled' && Date.parse(i.endsAt) <= now
  ).length
  const cancelled = interviews.filter((i) => i.status === 'cancelled').length

  return (
    <div className="agenda">
      {upcoming.length === 0 ? (
        <p className="muted">{t('selection.agenda.none')}</p>
      ) : (
        <ol className="agenda__list plain-list">
          {upcoming.map((item) => (
            <li key={item.id} className="agenda__item" data-testid="agenda-item">
              <div className="agenda__who">
                <strong>{item.applicantName || t('selection.pipeline.erasedName')}</strong>
                <span className="muted small">{item.postingTitle}</span>
              </div>
              <InterviewControls
                applicationId={item.applicationId}
                interview={item}
                isBookable
                canManage
                freeSlots={freeSlotsFor(windows, item.postingId)}
                onChanged={onChanged}
              />
            </li>
          ))}
        </ol>
      )}
      <p className="muted small">{t('selection.agenda.others', { held, cancelled })}</p>
    </div>
  )
}

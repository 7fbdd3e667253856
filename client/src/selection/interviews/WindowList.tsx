import { useTranslation } from 'react-i18next'
import type { InterviewWindow, PostingListItem } from '@specboard/shared'
import { formatEventDateTime, formatTime } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { SelectionError } from '../SelectionError.tsx'
import { selectionApi } from '../selectionApi.ts'
import { DISPLAY_TIME_ZONE } from '@specboard/shared'
import { useSubmit } from '../../ui/useSubmit.ts'

interface WindowListProps {
  programId: string
  windows: readonly InterviewWindow[]
  postings: readonly PostingListItem[]
  onChanged: () => void
}

/** The availability windows ahead, each with its 15-minute slots (free or whose); past ones folded away. */
export function WindowList({ programId, windows, postings, onChanged }: WindowListProps) {
  const { t } = useTranslation()
  const now = Date.now()
  const upcoming = windows
    .filter((w) => Date.parse(w.endsAt) > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  const past = windows.length - upcoming.length
  const titleOf = (postingId: string | null) =>
    postingId
      ? (postings.find((p) => p.id === postingId)?.title ?? '')
      : t('selection.windows.anyPosting')
  return (
    <div className="window-list">
      {upcoming.length === 0 ? (
        <p className="muted">{t('selection.windows.none')}</p>
      ) : (
        <ul className="plain-list">
          {upcoming.map((w) => (
            <li key={w.id}>
              <WindowItem
                programId={programId}
                window={w}
                scope={titleOf(w.postingId)}
                onChanged={onChanged}
              />
            </li>
          ))}
        </ul>
      )}
      {past > 0 && <p className="muted small">{t('selection.windows.past', { count: past })}</p>}
    </div>
  )
}

function WindowItem({
  programId,
  window: w,
  scope,
  onChanged,
}: {
  programId: string
  window: InterviewWindow
  scope: string
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { error, run } = useSubmit()
  const booked = w.slots.filter((s) => s.booking).length
  const dash = language === 'ja' ? '〜' : '–'

  const remove = async () => {
    if (!window.confirm(t('selection.windows.deleteConfirm'))) return
    await run(async () => {
      await selectionApi.deleteWindow(programId, w.id)
      onChanged()
    })
  }

  return (
    <article
      className="window-item"
      aria-label={formatEventDateTime(w.startsAt, language, DISPLAY_TIME_ZONE)}
    >
      <header className="window-item__head">
        <strong>
          {formatEventDateTime(w.startsAt, language, DISPLAY_TIME_ZONE)}
          {dash}
          {formatTime(w.endsAt, language, DISPLAY_TIME_ZONE)}
        </strong>
        <span className="muted small">{scope}</span>
        <span className="small">
          {t('selection.windows.counts', { free: w.slots.length - booked, booked })}
        </span>
        <button
          type="button"
          className="button button--small button--quiet window-item__delete"
          onClick={() => void remove()}
        >
          {t('selection.windows.delete')}
        </button>
      </header>
      <ul className="slot-chips plain-list">
        {w.slots.map((s) => (
          <li key={s.id} className={`slot-chip${s.booking ? ' slot-chip--booked' : ''}`}>
            <span className="slot-chip__time">
              {formatTime(s.startsAt, language, DISPLAY_TIME_ZONE)}
            </span>
            <span className="slot-chip__who">
              {s.booking
                ? s.booking.applicantName || t('selection.pipeline.erasedName')
                : t('selection.windows.free')}
            </span>
          </li>
        ))}
      </ul>
      {error !== null && <SelectionError error={error} />}
    </article>
  )
}

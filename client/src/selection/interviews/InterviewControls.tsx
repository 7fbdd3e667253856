import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Interview, Slot } from '@specboard/shared'
import { formatTimeSpan } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { SelectionError } from '../SelectionError.tsx'
import { selectionApi, selectionLinks } from '../selectionApi.ts'
import { DISPLAY_TIME_ZONE } from '@specboard/shared'
import { SlotPicker } from './SlotPicker.tsx'
import { useSubmit } from '../../ui/useSubmit.ts'

interface InterviewControlsProps {
  applicationId: string
  interview: Interview | null
  /** The application may take an interview (applied, or scheduled already). */
  isBookable: boolean
  canManage: boolean
  freeSlots: readonly Slot[]
  onChanged: () => void
}

type Mode = 'idle' | 'book' | 'move' | 'cancel'

/** An application's interview: when, the calendar file, and booking, moving or cancelling it. */
export function InterviewControls({
  applicationId,
  interview,
  isBookable,
  canManage,
  freeSlots,
  onChanged,
}: InterviewControlsProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const reasonId = useId()
  const [mode, setMode] = useState<Mode>('idle')
  const [slotId, setSlotId] = useState('')
  const [reason, setReason] = useState('')
  const { isSending, error, run: submitWork } = useSubmit()
  const scheduled = interview?.status === 'scheduled' ? interview : null
  const isUpcoming = scheduled !== null && Date.parse(scheduled.startsAt) > Date.now()

  const run = async (action: () => Promise<unknown>) => {
    await submitWork(async () => {
      await action()
      setMode('idle')
      setSlotId('')
      setReason('')
      onChanged()
    })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (mode === 'book' && slotId) void run(() => selectionApi.book(applicationId, slotId))
    if (mode === 'move' && slotId && scheduled)
      void run(() => selectionApi.moveInterview(scheduled.id, slotId))
    if (mode === 'cancel' && scheduled)
      void run(() => selectionApi.cancelInterview(scheduled.id, reason))
  }

  const span = (i: Interview) => formatTimeSpan(i.startsAt, i.endsAt, language, DISPLAY_TIME_ZONE)

  return (
    <div className="interview" data-testid="interview">
      {scheduled ? (
        <p className="interview__when">
          <span className="interview__label">{t('selection.interviews.scheduled')}</span>
          <strong>{span(scheduled)}</strong>
          {scheduled.movedFrom && <span className="badge">{t('selection.interviews.moved')}</span>}
        </p>
      ) : interview?.status === 'cancelled' ? (
        <p className="interview__when muted">
          {t(
            interview.cancelledBy === 'applicant'
              ? 'selection.interviews.cancelledByApplicant'
              : 'selection.interviews.cancelledByUs',
            {
              when: span(interview),
            }
          )}
          {interview.cancelReason && `（${interview.cancelReason}）`}
        </p>
      ) : (
        isBookable && <p className="interview__when muted">{t('selection.interviews.none')}</p>
      )}

      <div className="interview__actions">
        {scheduled && (
          <a
            className="button button--small"
            href={selectionLinks.interviewIcs(scheduled.id)}
            download
          >
            {t('selection.interviews.ics')}
          </a>
        )}
        {canManage && isUpcoming && mode === 'idle' && (
          <>
            <button type="button" className="button button--small" onClick={() => setMode('move')}>
              {t('selection.interviews.move')}
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => setMode('cancel')}
            >
              {t('selection.interviews.cancel')}
            </button>
          </>
        )}
        {canManage && !scheduled && isBookable && mode === 'idle' && (
          <button type="button" className="button button--small" onClick={() => setMode('book')}>
            {t('selection.interviews.book')}
          </button>
        )}
      </div>

      {mode !== 'idle' && (
        <form className="interview__form" onSubmit={submit}>
          {mode === 'cancel' ? (
            <div className="field">
              <label htmlFor={reasonId}>{t('selection.interviews.reason')}</label>
              <input
                id={reasonId}
                className="input"
                value={reason}
                maxLength={200}
                onChange={(e) => setReason(e.target.value)}
              />
              <span className="field-hint">{t('selection.interviews.reasonHint')}</span>
            </div>
          ) : freeSlots.length === 0 ? (
            <p className="notice notice--warn">{t('selection.interviews.noFreeSlots')}</p>
          ) : (
            <SlotPicker
              slots={freeSlots}
              value={slotId}
              onChange={setSlotId}
              label={t(
                mode === 'move' ? 'selection.interviews.moveTo' : 'selection.interviews.bookAt'
              )}
            />
          )}
          <div className="row">
            <button
              type="submit"
              className={`button button--small ${mode === 'cancel' ? 'button--danger' : 'button--primary'}`}
              disabled={isSending || (mode !== 'cancel' && !slotId)}
            >
              {isSending ? t('common.saving') : t(`selection.interviews.confirm.${mode}`)}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setMode('idle')}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {error !== null && <SelectionError error={error} />}
    </div>
  )
}

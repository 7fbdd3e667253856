import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Slot } from '@specboard/shared'
import { formatDay, formatTime } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { DISPLAY_TIME_ZONE } from '@specboard/shared'
import { slotsByDay } from './freeSlots.ts'

/** A free 15-minute slot to pick, grouped by day (Japan time). */
export function SlotPicker({
  slots,
  value,
  onChange,
  label,
}: {
  slots: readonly Slot[]
  value: string
  onChange: (slotId: string) => void
  label: string
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const dash = language === 'ja' ? '〜' : '–'
  return (
    <div className="field slot-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('selection.interviews.pickSlot')}</option>
        {slotsByDay(slots).map(([day, daySlots]) => (
          <optgroup key={day} label={formatDay(daySlots[0]!.startsAt, language, DISPLAY_TIME_ZONE)}>
            {daySlots.map((slot) => (
              <option key={slot.id} value={slot.id}>
                {`${formatDay(slot.startsAt, language, DISPLAY_TIME_ZONE)} ${formatTime(slot.startsAt, language, DISPLAY_TIME_ZONE)}${dash}${formatTime(slot.endsAt, language, DISPLAY_TIME_ZONE)}`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  )
}

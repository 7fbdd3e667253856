import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CreateWindowRequest,
  INTERVIEW_MINUTES,
  type PostingListItem,
  tokyoDateFromNow,
  tokyoIso,
} from '@specboard/shared'
import { SelectionError } from '../SelectionError.tsx'
import { selectionApi } from '../selectionApi.ts'
import { useSubmit } from '../../ui/useSubmit.ts'
import { SelectField } from '../../ui/SelectField.tsx'
import { TextField } from '../../ui/TextField.tsx'
import { SubmitButton } from '../../ui/SubmitButton.tsx'

type Problem = 'date' | 'from' | 'to' | 'tooShort' | 'tooLong' | 'past'

/** The coordinator offers a sitting of interviews: a day and from–to (Japan time), cut into 15-minute slots. */
export function WindowForm({
  programId,
  postings,
  onCreated,
}: {
  programId: string
  postings: readonly PostingListItem[]
  onCreated: () => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [date, setDate] = useState(() => tokyoDateFromNow(1))
  const [from, setFrom] = useState('10:00')
  const [to, setTo] = useState('12:00')
  const [postingId, setPostingId] = useState('')
  const [problem, setProblem] = useState<Problem | null>(null)
  const { isSending, error, run } = useSubmit()
  const [created, setCreated] = useState<number | null>(null)

  const startsAt = tokyoIso(date, from)
  const endsAt = tokyoIso(date, to)
  const slotCount =
    startsAt && endsAt
      ? Math.max(
          0,
          Math.floor((Date.parse(endsAt) - Date.parse(startsAt)) / (INTERVIEW_MINUTES * 60_000))
        )
      : 0

  const check = (): Problem | null => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'date'
    if (!startsAt) return 'from'
    if (!endsAt) return 'to'
    const parsed = CreateWindowRequest.safeParse({ startsAt, endsAt, postingId: postingId || null })
    if (!parsed.success) return slotCount < 1 ? 'tooShort' : 'tooLong'
    if (Date.parse(endsAt) <= Date.now()) return 'past'
    return null
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found = check()
    setProblem(found)
    setCreated(null)
    if (found || !startsAt || !endsAt) return
    await run(async () => {
      const window = await selectionApi.createWindow(programId, {
        startsAt,
        endsAt,
        postingId: postingId || null,
      })
      setCreated(window.slots.length)
      onCreated()
    })
  }

  const problemId = `${id}-problem`
  return (
    <form
      className="window-form"
      onSubmit={submit}
      noValidate
      aria-label={t('selection.windows.formLabel')}
    >
      <TextField
        id={`${id}-date`}
        label={t('selection.windows.date')}
        type="date"
        value={date}
        onValue={setDate}
        aria-invalid={problem === 'date' || problem === 'past' ? true : undefined}
      />
      <TextField
        id={`${id}-from`}
        label={t('selection.windows.from')}
        type="time"
        step={900}
        value={from}
        onValue={setFrom}
        aria-invalid={problem === 'from' ? true : undefined}
      />
      <TextField
        id={`${id}-to`}
        label={t('selection.windows.to')}
        type="time"
        step={900}
        value={to}
        onValue={setTo}
        aria-invalid={
          problem === 'to' || problem === 'tooShort' || problem === 'tooLong' ? true : undefined
        }
        aria-describedby={problem ? problemId : undefined}
      />
      <SelectField
        id={`${id}-posting`}
        label={t('selection.windows.scope')}
        value={postingId}
        onValue={setPostingId}
        emptyLabel={t('selection.windows.anyPosting')}
        options={postings.map((p) => ({ value: p.id, label: p.title }))}
      />
      <div className="window-form__submit">
        <SubmitButton label={t('selection.windows.submit')} isSending={isSending} />
        <span className="muted small" aria-live="polite">
          {slotCount > 0
            ? t('selection.windows.preview', { count: slotCount })
            : t('selection.windows.hint')}
        </span>
      </div>
      {problem && (
        <p id={problemId} className="field-problem window-form__wide">
          {t(`selection.windows.problems.${problem}`)}
        </p>
      )}
      {error !== null && (
        <div className="window-form__wide">
          <SelectionError error={error} />
        </div>
      )}
      {created !== null && (
        <p className="notice notice--ok window-form__wide" role="status">
          {t('selection.windows.created', { count: created })}
        </p>
      )}
    </form>
  )
}

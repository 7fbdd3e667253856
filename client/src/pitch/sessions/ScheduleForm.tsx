import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CreatePitchSessionRequest,
  PitchSession,
  tokyoIsoOfWallTime,
  type TeamSummary,
} from '@specboard/shared'
import { apiRequest } from '../../api.ts'
import { ErrorMessage } from '../../ui/ErrorMessage.tsx'
import './schedule.css'
import { useSubmit } from '../../ui/useSubmit.ts'
import { TextField } from '../../ui/TextField.tsx'
import { SubmitButton } from '../../ui/SubmitButton.tsx'

type Field = 'title' | 'startsAt' | 'minutesPerTeam' | 'teamIds'

interface ScheduleFormProps {
  programId: string
  teams: readonly Pick<TeamSummary, 'id' | 'name' | 'organization'>[]
  onCreated: (session: PitchSession) => void
}

/** The coordinator schedules a pitch session: kind, title, date and time, minutes per team, team order. */
export function ScheduleForm({ programId, teams, onCreated }: ScheduleFormProps) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<PitchSession['kind']>('intermediate')
  const [title, setTitle] = useState('')
  const [startsAt, setStartsAt] = useState('')
  const [minutes, setMinutes] = useState('7')
  const [order, setOrder] = useState(() => teams.map((team) => ({ id: team.id, isIncluded: true })))
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({})
  const { isSending, error, run } = useSubmit()
  const nameOf = (id: string) => teams.find((team) => team.id === id)

  // Teams added to the program after the form opened join the end of the order.
  const known = new Set(order.map((o) => o.id))
  const rows = [
    ...order,
    ...teams
      .filter((team) => !known.has(team.id))
      .map((team) => ({ id: team.id, isIncluded: true })),
  ]

  const move = (index: number, by: -1 | 1) => {
    const next = [...rows]
    const [row] = next.splice(index, 1)
    if (!row) return
    next.splice(index + by, 0, row)
    setOrder(next)
  }
  const toggle = (id: string) =>
    setOrder(rows.map((row) => (row.id === id ? { ...row, isIncluded: !row.isIncluded } : row)))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const request = {
      kind,
      title: title.trim(),
      startsAt: tokyoIsoOfWallTime(startsAt) ?? '',
      minutesPerTeam: Number(minutes),
      teamIds: rows.filter((row) => row.isIncluded).map((row) => row.id),
    }
    const found: Partial<Record<Field, string>> = {}
    if (!request.title) found.title = t('pitch.schedule.errors.title')
    if (!request.startsAt) found.startsAt = t('pitch.schedule.errors.startsAt')
    if (
      !Number.isInteger(request.minutesPerTeam) ||
      request.minutesPerTeam < 1 ||
      request.minutesPerTeam > 120
    ) {
      found.minutesPerTeam = t('pitch.schedule.errors.minutesPerTeam')
    }
    if (request.teamIds.length === 0) found.teamIds = t('pitch.schedule.errors.teamIds')
    setProblems(found)
    if (Object.keys(found).length > 0) return
    await run(async () => {
      const session = await apiRequest(
        `/api/programs/${encodeURIComponent(programId)}/pitch-sessions`,
        PitchSession,
        {
          method: 'POST',
          body: CreatePitchSessionRequest.parse(request),
        }
      )
      setTitle('')
      setStartsAt('')
      onCreated(session)
    })
  }

  const problem = (field: Field) =>
    problems[field] && (
      <span id={`schedule-${field}-problem`} className="field-problem">
        {problems[field]}
      </span>
    )

  return (
    <section className="card schedule" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('pitch.schedule.title')}</h2>
      <p className="muted small">{t('pitch.schedule.lead')}</p>
      <form className="schedule__form" onSubmit={submit} noValidate>
        <fieldset className="schedule__kinds">
          <legend className="field-label">{t('pitch.schedule.kind')}</legend>
          {(['intermediate', 'final'] as const).map((k) => (
            <label key={k} className={`schedule__kind${kind === k ? ' schedule__kind--on' : ''}`}>
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`pitch.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <TextField
          id="schedule-title-input"
          fieldClassName="schedule__wide"
          label={t('pitch.schedule.sessionTitle')}
          value={title}
          onValue={setTitle}
          problem={problems.title}
          maxLength={120}
          placeholder={t(
            kind === 'final'
              ? 'pitch.schedule.titlePlaceholderFinal'
              : 'pitch.schedule.titlePlaceholder'
          )}
        />
        <TextField
          id="schedule-startsAt"
          label={t('pitch.schedule.startsAt')}
          type="datetime-local"
          value={startsAt}
          onValue={setStartsAt}
          problem={problems.startsAt}
          hint={t('pitch.schedule.startsAtHint')}
        />
        <TextField
          id="schedule-minutesPerTeam"
          label={t('pitch.schedule.minutesPerTeam')}
          type="number"
          min={1}
          max={120}
          value={minutes}
          onValue={setMinutes}
          problem={problems.minutesPerTeam}
        />
        <fieldset className="schedule__wide schedule__order">
          <legend className="field-label">{t('pitch.schedule.order')}</legend>
          <p className="field-hint">{t('pitch.schedule.orderHint')}</p>
          {rows.length === 0 ? (
            <p className="muted small">{t('pitch.schedule.noTeams')}</p>
          ) : (
            <ol className="schedule__teams plain-list">
              {rows.map((row, index) => {
                const team = nameOf(row.id)
                return (
                  <li
                    key={row.id}
                    className={`schedule__team${row.isIncluded ? '' : ' schedule__team--out'}`}
                  >
                    <label className="schedule__team-check">
                      <input
                        type="checkbox"
                        checked={row.isIncluded}
                        onChange={() => toggle(row.id)}
                      />
                      <span className="schedule__team-number" aria-hidden="true">
                        {String(index + 1).padStart(2, '0')}
                      </span>
                      <span className="schedule__team-name">
                        {team?.name}
                        {team?.organization && <small>{team.organization}</small>}
                      </span>
                    </label>
                    <span className="schedule__team-moves">
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        disabled={index === 0}
                        aria-label={t('pitch.schedule.moveUp', { name: team?.name })}
                        onClick={() => move(index, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        disabled={index === rows.length - 1}
                        aria-label={t('pitch.schedule.moveDown', { name: team?.name })}
                        onClick={() => move(index, 1)}
                      >
                        ↓
                      </button>
                    </span>
                  </li>
                )
              })}
            </ol>
          )}
          {problem('teamIds')}
        </fieldset>
        {error !== null && (
          <div className="schedule__wide">
            <ErrorMessage error={error} />
          </div>
        )}
        <div className="schedule__wide">
          <SubmitButton label={t('pitch.schedule.submit')} isSending={isSending} />
        </div>
      </form>
    </section>
  )
}

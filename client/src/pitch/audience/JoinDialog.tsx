import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { type AudienceInfo, JoinResponse } from '@specboard/shared'
import { ApiRequestError, apiRequest } from '../../api.ts'
import { CopyField } from '../../ui/CopyField.tsx'
import { useSubmit } from '../../ui/useSubmit.ts'
import { ErrorMessage } from '../../ui/ErrorMessage.tsx'
import {
  fieldOfServerError,
  joinRequestOf,
  validateJoin,
  type JoinField,
  type JoinForm,
  type JoinProblem,
} from './validateJoin.ts'
import './join.css'
import { TextField } from '../../ui/TextField.tsx'
import { SubmitButton } from '../../ui/SubmitButton.tsx'

interface JoinDialogProps {
  token: string
  teams: AudienceInfo['teams']
  /** The team on stage, chosen first. */
  teamId: string
  onClose: () => void
  /** The link stopped working while the form was open (revoked or expired). */
  onLinkGone: () => void
}

const PROBLEM_BY_FIELD: Record<JoinField, JoinProblem> = {
  name: 'nameMissing',
  contact: 'contactInvalid',
  howToHelp: 'howToHelpMissing',
  consent: 'consentMissing',
}

/** "I want to join": name, contact, how to help and consent, checked in words; thanks once sent. */
export function JoinDialog({ token, teams, teamId, onClose, onLinkGone }: JoinDialogProps) {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [form, setForm] = useState<JoinForm>({
    teamId,
    name: '',
    contact: '',
    howToHelp: '',
    consent: false,
  })
  const [problems, setProblems] = useState<Partial<Record<JoinField, JoinProblem>>>({})
  const [isChecked, setChecked] = useState(false)
  const { isSending, error, run } = useSubmit()
  const [isSent, setSent] = useState(false)
  // The server hands the pool's withdrawal link out once; a person already in the pool gets none.
  const [withdrawUrl, setWithdrawUrl] = useState<string | null>(null)
  const team = teams.find((x) => x.id === form.teamId) ?? teams[0]

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  const update = <K extends keyof JoinForm>(key: K, value: JoinForm[K]) => {
    const next = { ...form, [key]: value }
    setForm(next)
    // After a first attempt, fixes clear their message as they are typed.
    if (isChecked) setProblems(validateJoin(next))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    const found = validateJoin(form)
    setProblems(found)
    const first = (Object.keys(found) as JoinField[])[0]
    if (first) {
      document.getElementById(`join-${first}`)?.focus()
      return
    }
    await run(async () => {
      try {
        const sent = await apiRequest(
          `/api/audience/${encodeURIComponent(token)}/join`,
          JoinResponse,
          { method: 'POST', body: joinRequestOf(form) }
        )
        setWithdrawUrl(sent.withdrawUrl)
        setSent(true)
      } catch (e) {
        if (e instanceof ApiRequestError && e.status === 410) onLinkGone()
        // A field the server refused is shown at that field, like the checks made here.
        const field =
          e instanceof ApiRequestError && e.status === 400 ? fieldOfServerError(e.message) : null
        if (!field) throw e
        setProblems({ [field]: PROBLEM_BY_FIELD[field] })
      }
    })
  }

  const problemText = (field: JoinField) =>
    problems[field] ? t(`pitch.join.errors.${problems[field]}`) : null
  const describedBy = (field: JoinField) => (problems[field] ? `join-${field}-problem` : undefined)
  const problem = (field: JoinField) =>
    problems[field] && (
      <span id={`join-${field}-problem`} className="field-problem">
        {problemText(field)}
      </span>
    )

  return (
    <dialog
      ref={dialogRef}
      className="join"
      aria-labelledby="join-title"
      onCancel={onClose}
      onClose={onClose}
    >
      {isSent ? (
        <div className="join__sent" role="status">
          <span className="join__check" aria-hidden="true">
            ✓
          </span>
          <h2 id="join-title">{t('pitch.join.sentTitle')}</h2>
          <p>{t('pitch.join.sentBody', { team: team?.name })}</p>
          {withdrawUrl && (
            <div className="join__withdraw">
              <p>{t('pitch.join.withdrawHint')}</p>
              <CopyField label={t('pitch.join.withdrawLabel')} value={withdrawUrl} />
            </div>
          )}
          <button type="button" className="button button--primary" onClick={onClose} autoFocus>
            {t('pitch.join.close')}
          </button>
        </div>
      ) : (
        <form className="join__form" onSubmit={submit} noValidate>
          <header>
            <p className="join__kicker">{t('pitch.join.kicker')}</p>
            <h2 id="join-title">{t('pitch.join.heading')}</h2>
            <p className="join__lead">{t('pitch.join.lead')}</p>
          </header>
          {teams.length === 1 && (
            <p className="join__team">
              <span className="field-label">{t('pitch.join.team')}</span>
              {team?.name}
            </p>
          )}
          {teams.length > 1 && (
            <label className="field">
              <span className="field-label">{t('pitch.join.team')}</span>
              <select
                className="select"
                value={form.teamId}
                onChange={(e) => update('teamId', e.target.value)}
              >
                {teams.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <TextField
            id="join-name"
            label={t('pitch.join.name')}
            value={form.name}
            onValue={(v) => update('name', v)}
            problem={problemText('name')}
            autoComplete="name"
            maxLength={80}
          />
          <TextField
            id="join-contact"
            label={t('pitch.join.contact')}
            value={form.contact}
            onValue={(v) => update('contact', v)}
            problem={problemText('contact')}
            hint={t('pitch.join.contactHint')}
            autoComplete="email"
            inputMode="email"
            placeholder={t('pitch.join.contactPlaceholder')}
          />
          <TextField
            multiline
            id="join-howToHelp"
            label={t('pitch.join.howToHelp')}
            value={form.howToHelp}
            onValue={(v) => update('howToHelp', v)}
            problem={problemText('howToHelp')}
            className="join__textarea"
            rows={3}
            placeholder={t('pitch.join.howToHelpPlaceholder')}
          />
          <div className="field">
            <label className="join__consent">
              <input
                id="join-consent"
                type="checkbox"
                checked={form.consent}
                aria-invalid={!!problems.consent}
                aria-describedby={describedBy('consent')}
                onChange={(e) => update('consent', e.target.checked)}
              />
              <span>{t('pitch.join.consent')}</span>
            </label>
            {problem('consent')}
          </div>
          {error !== null && <ErrorMessage error={error} />}
          <div className="join__actions">
            <button type="button" className="button button--quiet" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <SubmitButton label={t('pitch.join.submit')} isSending={isSending} />
          </div>
        </form>
      )}
    </dialog>
  )
}

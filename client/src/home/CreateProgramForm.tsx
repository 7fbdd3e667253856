import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { CreateProgramRequest, CreatedId } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { TextField } from '../ui/TextField.tsx'
import { useSubmit } from '../ui/useSubmit.ts'
import { SubmitButton } from '../ui/SubmitButton.tsx'

/** Coordinators and administrators start a program (a region's run of the model); it opens right away. */
export function CreateProgramForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const [name, setName] = useState('')
  const [region, setRegion] = useState('')
  const { isSending, error, run } = useSubmit({ busyAfterSuccess: true })
  const [isChecked, setChecked] = useState(false)
  const request = CreateProgramRequest.safeParse({ name, region })
  // The two fields differ only in which they are: label, example and problem follow the key. After a
  // first attempt, an empty field says so in words (and the message goes once it is filled).
  const field = (
    key: 'programName' | 'programRegion',
    value: string,
    onValue: (v: string) => void
  ) => (
    <TextField
      id={key === 'programName' ? 'program-name' : 'program-region'}
      label={t(`home.${key}`)}
      value={value}
      onValue={onValue}
      problem={isChecked && !value.trim() ? t(`home.${key}Missing`) : null}
      maxLength={120}
      placeholder={t(`home.${key}Placeholder`)}
      required
    />
  )

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (!request.success) {
      document.getElementById(name.trim() ? 'program-region' : 'program-name')?.focus()
      return
    }
    await run(async () => {
      const created = await apiRequest('/api/programs', CreatedId, {
        method: 'POST',
        body: request.data,
      })
      onCreated()
      navigate(`/programs/${encodeURIComponent(created.id)}`)
    })
  }

  return (
    <section className="card create-program" aria-labelledby="create-program-title">
      <h2 id="create-program-title">{t('home.createProgram')}</h2>
      <p className="muted small">{t('home.createProgramLead')}</p>
      <form className="create-program__form" onSubmit={submit} noValidate>
        {field('programName', name, setName)}
        {field('programRegion', region, setRegion)}
        <div>
          <SubmitButton label={t('home.createProgramSubmit')} isSending={isSending} />
        </div>
      </form>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  )
}

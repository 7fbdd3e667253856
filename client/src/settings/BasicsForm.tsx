import { useState, type FormEvent } from 'react'
import {
  TARGET_KEYS,
  UpdateProgramRequest,
  type Program,
  type ProgramTargets,
} from '@specboard/shared'
import { apiSend } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { TextField } from '../ui/TextField.tsx'
import { useSubmit } from '../ui/useSubmit.ts'
import { SaveActions } from './SaveActions.tsx'

/** Name, region and the year's targets of a program. */
export function BasicsForm({ program, onSaved }: { program: Program; onSaved: () => void }) {
  const ta = useAccountsText()
  const [name, setName] = useState(program.name)
  const [region, setRegion] = useState(program.region)
  const [targets, setTargets] = useState<Record<string, string>>(() =>
    Object.fromEntries(TARGET_KEYS.map((k) => [k, String(program.targets[k] ?? '')]))
  )
  const { isSending, error, run } = useSubmit()
  const [isSaved, setSaved] = useState(false)

  const targetValues: ProgramTargets = Object.fromEntries(
    TARGET_KEYS.flatMap((k) => (targets[k]?.trim() ? [[k, Number(targets[k])]] : []))
  )
  const parsed = UpdateProgramRequest.safeParse({ name, region, targets: targetValues })
  const problemOf = (field: string) =>
    parsed.success ? null : (parsed.error.issues.find((i) => i.path[0] === field)?.message ?? null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!parsed.success) return
    setSaved(false)
    await run(async () => {
      await apiSend(`/api/programs/${encodeURIComponent(program.id)}`, {
        method: 'PATCH',
        body: parsed.data,
      })
      setSaved(true)
      onSaved()
    })
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="settings-basics">
      <h2 id="settings-basics">{ta('settings.basics')}</h2>
      <TextField
        id="program-name"
        label={ta('settings.name')}
        value={name}
        onValue={setName}
        maxLength={120}
        problem={problemOf('name')}
      />
      <TextField
        id="program-region"
        label={ta('settings.region')}
        value={region}
        onValue={setRegion}
        maxLength={120}
        problem={problemOf('region')}
      />
      <fieldset className="settings__targets">
        <legend>{ta('settings.targets')}</legend>
        <p className="muted small">{ta('settings.targetsLead')}</p>
        <div className="settings__target-grid">
          {TARGET_KEYS.map((key) => (
            <TextField
              key={key}
              id={`target-${key}`}
              type="number"
              min={0}
              max={100000}
              inputMode="numeric"
              label={ta(`settings.target.${key}`)}
              value={targets[key] ?? ''}
              onValue={(v) => setTargets((t) => ({ ...t, [key]: v }))}
              problem={problemOf('targets')}
            />
          ))}
        </div>
      </fieldset>
      {error !== null && <ErrorMessage error={error} />}
      <SaveActions
        label={ta('settings.save')}
        savedLabel={ta('settings.saved')}
        isSaved={isSaved}
        disabled={!parsed.success || isSending}
      />
    </form>
  )
}

import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CreateTeamRequest, CreateTeamResponse } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { TextField } from '../ui/TextField.tsx'
import { useSubmit } from '../ui/useSubmit.ts'
import { SubmitButton } from '../ui/SubmitButton.tsx'

/** Coordinators add a team (one per theme) to the program. */
export function AddTeamForm({
  programId,
  onCreated,
}: {
  programId: string
  onCreated: () => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [organization, setOrganization] = useState('')
  const { isSending, error, run } = useSubmit()
  const [createdName, setCreatedName] = useState<string | null>(null)
  const request = CreateTeamRequest.safeParse({
    name,
    organization: organization.trim() || undefined,
  })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!request.success) return
    await run(async () => {
      await apiRequest(`/api/programs/${encodeURIComponent(programId)}/teams`, CreateTeamResponse, {
        method: 'POST',
        body: request.data,
      })
      setCreatedName(request.data.name)
      setName('')
      setOrganization('')
      onCreated()
    })
  }

  return (
    <section className="card add-team" aria-labelledby="add-team-title">
      <h2 id="add-team-title">{t('program.addTeam')}</h2>
      <form className="add-team__form" onSubmit={submit}>
        <TextField
          id="team-name"
          label={t('program.teamName')}
          value={name}
          onValue={setName}
          maxLength={120}
          placeholder={t('program.teamNamePlaceholder')}
          required
        />
        <TextField
          id="team-org"
          label={t('program.organization')}
          value={organization}
          onValue={setOrganization}
          maxLength={120}
          placeholder={t('program.organizationPlaceholder')}
        />
        <div>
          <SubmitButton
            label={t('program.create')}
            isSending={isSending}
            disabled={!request.success}
          />
        </div>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {createdName && (
        <p className="notice notice--ok" role="status">
          {t('program.created', { name: createdName })}
        </p>
      )}
    </section>
  )
}

import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Program, ProgramList, TEAM_ROLES, type TeamRole } from '@specboard/shared'
import { apiRequest } from '../../api.ts'
import { CopyField } from '../../ui/CopyField.tsx'
import { useApi } from '../../ui/useApi.ts'
import { SelectionError } from '../SelectionError.tsx'
import { selectionApi, type PoolInvite } from '../selectionApi.ts'
import { useSubmit } from '../../ui/useSubmit.ts'
import { SelectField } from '../../ui/SelectField.tsx'
import { SubmitButton } from '../../ui/SubmitButton.tsx'

/** Invites a pool person into a team: pick program and team, create the link, hand it over. */
export function InviteToTeam({
  entryId,
  name,
  onInvited,
}: {
  entryId: string
  name: string
  onInvited: () => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const programs = useApi('/api/programs', (signal) =>
    apiRequest('/api/programs', ProgramList, { signal })
  )
  const [programId, setProgramId] = useState('')
  const programPath = `/api/programs/${encodeURIComponent(programId)}`
  const program = useApi(programId ? programPath : 'program:none', (signal) =>
    programId ? apiRequest(programPath, Program, { signal }) : Promise.resolve(null)
  )
  const [teamId, setTeamId] = useState('')
  const [role, setRole] = useState<TeamRole>('talent')
  const [created, setCreated] = useState<PoolInvite | null>(null)
  const { isSending, error, run } = useSubmit()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!teamId) return
    await run(async () => {
      setCreated(await selectionApi.invitePoolEntry(entryId, { teamId, role }))
      onInvited()
    })
  }

  return (
    <form
      className="invite-to-team"
      onSubmit={submit}
      aria-label={t('selection.pool.inviteLabel', { name })}
    >
      <SelectField
        id={`${id}-program`}
        label={t('selection.pool.inviteProgram')}
        value={programId}
        onValue={(value) => {
          setProgramId(value)
          setTeamId('')
        }}
        emptyLabel={t('selection.pool.choose')}
        options={(programs.data?.programs ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      <SelectField
        id={`${id}-team`}
        label={t('selection.pool.inviteTeam')}
        value={teamId}
        onValue={setTeamId}
        disabled={!program.data}
        emptyLabel={t('selection.pool.choose')}
        options={(program.data?.teams ?? []).map((team) => ({ value: team.id, label: team.name }))}
      />
      <SelectField
        id={`${id}-role`}
        label={t('invites.role')}
        value={role}
        onValue={(value) => setRole(value as TeamRole)}
        options={TEAM_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <div>
        <SubmitButton
          label={t('selection.pool.inviteSubmit')}
          isSending={isSending}
          disabled={!teamId}
          isSmall
        />
      </div>
      {error !== null && (
        <div className="invite-to-team__wide">
          <SelectionError error={error} />
        </div>
      )}
      {created && (
        <div
          className="notice notice--ok invite-to-team__wide"
          role="status"
          data-testid="pool-invite-created"
        >
          <strong>{t('selection.pool.invited', { name })}</strong>
          <p className="small">{t('invites.createdHint')}</p>
          <CopyField
            label={t('invites.url')}
            value={new URL(created.invite.url, location.origin).href}
          />
        </div>
      )}
    </form>
  )
}

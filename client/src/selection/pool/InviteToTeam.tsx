import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Program, ProgramList, TEAM_ROLES, type TeamRole } from '@specboard/shared'
import { apiRequest } from '../../api.ts'
import { CopyField } from '../../ui/CopyField.tsx'
import { useApi } from '../../ui/useApi.ts'
import { SelectionError } from '../SelectionError.tsx'
import { selectionApi, type PoolInvite } from '../selectionApi.ts'
import { useSubmit } from '../../ui/useSubmit.ts'

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
      <div className="field">
        <label htmlFor={`${id}-program`}>{t('selection.pool.inviteProgram')}</label>
        <select
          id={`${id}-program`}
          className="select"
          value={programId}
          onChange={(e) => {
            setProgramId(e.target.value)
            setTeamId('')
          }}
        >
          <option value="">{t('selection.pool.choose')}</option>
          {(programs.data?.programs ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-team`}>{t('selection.pool.inviteTeam')}</label>
        <select
          id={`${id}-team`}
          className="select"
          value={teamId}
          disabled={!program.data}
          onChange={(e) => setTeamId(e.target.value)}
        >
          <option value="">{t('selection.pool.choose')}</option>
          {(program.data?.teams ?? []).map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('invites.role')}</label>
        <select
          id={`${id}-role`}
          className="select"
          value={role}
          onChange={(e) => setRole(e.target.value as TeamRole)}
        >
          {TEAM_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={!teamId || isSending}
        >
          {isSending ? t('common.saving') : t('selection.pool.inviteSubmit')}
        </button>
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

import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CreateInviteResponse,
  TEAM_ROLES,
  canInvite,
  type Role,
  type TeamRole,
} from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { CopyField } from '../ui/CopyField.tsx'
import { InviteList } from './InviteList.tsx'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useSubmit } from '../ui/useSubmit.ts'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { SelectField } from '../ui/SelectField.tsx'
import { Panel } from '../ui/Panel.tsx'

const EXPIRY_DAYS = [7, 14, 30] as const
/** One person by default; a multi-use link is a choice, for a workshop or a whole group. */
const USE_LIMITS = [1, 5, 20, 100] as const

/** Coordinators and caretakers create invite links (shown once) and manage the ones they made. */
export function InvitePanel({ teamId, myRole }: { teamId: string; myRole: Role }) {
  const { t } = useTranslation()
  const ta = useAccountsText()
  const roles = TEAM_ROLES.filter((role) => canInvite(myRole, role))
  const [role, setRole] = useState<TeamRole>(
    roles.includes('talent') ? 'talent' : (roles[0] ?? 'talent')
  )
  const [days, setDays] = useState<number>(14)
  const [maxUses, setMaxUses] = useState<number>(1)
  const [created, setCreated] = useState<CreateInviteResponse | null>(null)
  const { isSending, error, run } = useSubmit()
  const [listVersion, setListVersion] = useState(0)

  if (roles.length === 0) return null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await run(async () => {
      const invite = await apiRequest(
        `/api/teams/${encodeURIComponent(teamId)}/invites`,
        CreateInviteResponse,
        { method: 'POST', body: { role, expiresInDays: days, maxUses } }
      )
      setCreated(invite)
      setListVersion((v) => v + 1)
    })
  }

  return (
    <Panel titleId="invites-title" title={t('invites.title')} lead={t('invites.lead')}>
      <form className="invite-form" onSubmit={submit}>
        <SelectField
          id="invite-role"
          label={t('invites.role')}
          value={role}
          onValue={(value) => setRole(value as TeamRole)}
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <SelectField
          id="invite-expires"
          label={t('invites.expiresIn')}
          value={String(days)}
          onValue={(value) => setDays(Number(value))}
          options={EXPIRY_DAYS.map((d) => ({
            value: String(d),
            label: t('invites.days', { count: d }),
          }))}
        />
        <SelectField
          id="invite-uses"
          label={ta('invites.uses')}
          value={String(maxUses)}
          onValue={(value) => setMaxUses(Number(value))}
          options={USE_LIMITS.map((n) => ({
            value: String(n),
            label: n === 1 ? ta('invites.usesOne') : ta('invites.usesMany', { count: n }),
          }))}
          hint={maxUses === 1 ? ta('invites.usesHint') : undefined}
        />
        <SubmitButton label={t('invites.create')} isSending={isSending} />
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {created && (
        <div className="notice notice--ok invite-created" data-testid="invite-created">
          <strong>{t('invites.createdTitle')}</strong>
          <p className="small">{t('invites.createdHint')}</p>
          <CopyField label={t('invites.url')} value={new URL(created.url, location.origin).href} />
        </div>
      )}
      <InviteList teamId={teamId} version={listVersion} />
    </Panel>
  )
}

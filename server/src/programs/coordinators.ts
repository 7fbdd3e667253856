/** A program's coordinators: who they are, and what a removed one loses at once. */
import { CLOSE_CODE, teamDocuments } from '@specboard/shared'
import type { CoordinatorList } from '@specboard/shared'
import type { Access } from '../auth/Access.ts'
import type { LiveDocuments } from '../ports/LiveDocuments.ts'
import type { AccountStore } from '../storage/AccountStore.ts'
import type { RecordStore } from '../storage/Storage.ts'

/** The address to show for a person: the confirmed one, else the one they were invited with. */
async function addressOf(accounts: AccountStore, personId: string): Promise<string | null> {
  const state = await accounts.emailStateOf(personId)
  return state.email ?? state.unconfirmedEmail
}

export async function coordinatorList(
  accounts: AccountStore,
  programId: string
): Promise<CoordinatorList> {
  return {
    coordinators: await Promise.all(
      (await accounts.programWideMembers(programId))
        .filter((m) => m.role === 'coordinator')
        .map(async (m) => ({
          memberId: m.id,
          personId: m.personId,
          name: m.personName,
          email: await addressOf(accounts, m.personId),
        }))
    ),
  }
}

export interface SocketClosingDeps {
  readonly records: RecordStore
  readonly access: Access
  readonly live: LiveDocuments
}

/**
 * Closes a former coordinator's sockets to the program's team documents, on every instance, except
 * where a role of their own in a team still lets them in.
 */
export async function closeProgramSockets(
  { records, access, live }: SocketClosingDeps,
  programId: string,
  former: { personId: string; personName: string }
): Promise<void> {
  const principal = {
    personId: former.personId,
    name: former.personName,
    isAdmin: false,
    sessionId: null,
  }
  for (const team of await records.listTeams(programId)) {
    if (await access.roleInTeam(principal, team.id)) continue
    for (const document of new Set(Object.values(teamDocuments(team.id))))
      await live.disconnect(
        { personId: former.personId, document },
        CLOSE_CODE.forbidden,
        'you no longer coordinate this program'
      )
  }
}

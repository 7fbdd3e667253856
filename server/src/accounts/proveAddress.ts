/**
 * Who a followed mail link reaches. Following a link mailed to an address proves its owner reads that
 * mail; until then an address someone typed (accepting an invite, being appointed) is only *claimed*,
 * and a claim never lets anyone in: appointments find people by confirmed addresses only, and an invite
 * accepted with a held address (confirmed or claimed) answers with a link mailed to it (`addressHolder`).
 * So a squatter who joins with someone else's address gains nothing from it.
 *
 * When a link is followed:
 * - the address is confirmed for someone already: that person, unchanged;
 * - else the claim of the person this device is signed in as, or the claim the link was mailed for,
 *   or the latest claim — an account's claim before a placeholder's (a person made by a coordinator
 *   appointment whom nobody signed in as yet) — becomes that person's confirmed address, and every
 *   other claim of it is taken away. When the device was not signed in as that person, whoever made
 *   the claim is not proven to be the prover: all of that person's other sessions end (`tookOver`),
 *   so a squatter loses the account rather than sharing it with the owner. The honest owner who confirms on a second device
 *   signs in again on the first; nobody ever gets a second person for one address.
 * - other claimants keep their accounts without the address; placeholders hand their memberships to the
 *   proven person. So someone who only claimed their address and is then appointed by it stays one
 *   person whichever link they follow, on whichever device.
 */
import type { AccountStore, SignInTokenRecord } from '../storage/AccountStore.ts'

export interface ProvenPerson {
  readonly personId: string
  /** The person's other sessions must end: the claim was not made on this device. */
  readonly tookOver: boolean
}

/** The person `link` reaches, with the address confirmed for them; null when nobody holds it. */
export async function proveAddress(
  accounts: AccountStore,
  link: Pick<SignInTokenRecord, 'email' | 'personId'>,
  signedInAs: string | null
): Promise<ProvenPerson | null> {
  const owner = await accounts.personByEmail(link.email)
  if (owner) {
    // Claims of an address that has its owner are stale: take them away.
    await accounts.confirmEmail(owner.id, link.email)
    return { personId: owner.id, tookOver: false }
  }
  const { holders, signedInTo } = await claimsOf(accounts, link.email)
  const chosen =
    holders.find((h) => h.id === signedInAs) ??
    holders.find((h) => h.id === link.personId && signedInTo.has(h.id)) ??
    holders.find((h) => signedInTo.has(h.id)) ??
    holders.find((h) => h.id === link.personId) ??
    holders[0]
  if (!chosen || !(await accounts.confirmEmail(chosen.id, link.email))) return null
  // A placeholder would be left with no way in: its roles go to the proven person, who owns the address.
  for (const other of holders)
    if (other.id !== chosen.id && !signedInTo.has(other.id))
      await accounts.moveMemberships(other.id, chosen.id)
  return { personId: chosen.id, tookOver: chosen.id !== signedInAs }
}

/**
 * Who holds `email` before any link is followed: its confirmed owner, else the account that claimed it
 * (the one a link followed on a fresh device reaches), else an appointment's placeholder; undefined
 * when nobody does. Joining such a person needs proof of the address, never a second person.
 */
export async function addressHolder(
  accounts: AccountStore,
  email: string
): Promise<{ readonly id: string } | undefined> {
  const owner = await accounts.personByEmail(email)
  if (owner) return owner
  const { holders, signedInTo } = await claimsOf(accounts, email)
  return holders.find((h) => signedInTo.has(h.id)) ?? holders[0]
}

/**
 * The people who claimed `email`, latest first, and which of them have a session. One without any
 * (typically made by a coordinator appointment, nobody signed in as it yet) is a placeholder for
 * roles, not someone's account.
 */
async function claimsOf(accounts: AccountStore, email: string) {
  const holders = await accounts.unconfirmedHolders(email)
  const signedInTo = new Set<string>()
  for (const h of holders) if ((await accounts.listSessions(h.id)).length > 0) signedInTo.add(h.id)
  return { holders, signedInTo }
}

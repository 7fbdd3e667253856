/**
 * Who a followed mail link reaches. Following a link mailed to an address proves its owner reads that
 * mail; until then an address someone typed (accepting an invite, being appointed) is only *claimed*,
 * and a claim never finds a person: sign-in mail, invites and appointments look people up by confirmed
 * addresses only. So a squatter who joins with someone else's address gains nothing from it.
 *
 * When a link is followed:
 * - the address is confirmed for someone already: that person, unchanged;
 * - else the claim of the person this device is signed in as, or the claim the link was mailed for,
 *   or the latest claim, becomes that person's confirmed address, and every other claim of it is
 *   taken away. When the device was not signed in as that person, whoever made the claim is not proven
 *   to be the prover: all of that person's other sessions end (`tookOver`), so a squatter loses the
 *   account rather than sharing it with the owner. The honest owner who confirms on a second device
 *   signs in again on the first; nobody ever gets a second person for one address.
 * - other claimants keep their accounts without the address; one nobody ever had a session of (made by
 *   a coordinator appointment) hands its memberships to the proven person.
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
  const holders = await accounts.unconfirmedHolders(link.email)
  const chosen =
    holders.find((h) => h.id === signedInAs) ??
    holders.find((h) => h.id === link.personId) ??
    holders[0]
  if (!chosen || !(await accounts.confirmEmail(chosen.id, link.email))) return null
  // A claimant nobody has a session of (a coordinator appointed by this address who never signed in)
  // would be left with no way in: their roles go to the proven person, who owns the address.
  for (const other of holders)
    if (other.id !== chosen.id && (await accounts.listSessions(other.id)).length === 0)
      await accounts.moveMemberships(other.id, chosen.id)
  return { personId: chosen.id, tookOver: chosen.id !== signedInAs }
}

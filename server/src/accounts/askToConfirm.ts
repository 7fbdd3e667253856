import type { MailLanguage } from '@specboard/shared'
import { confirmAddressMail } from '../mail/accountMail.ts'
import type { Mailer } from '../mail/Mailer.ts'
import type { AccountStore } from '../storage/AccountStore.ts'
import { newSignInLink } from './signInLinks.ts'

/** Mails `email` the link that confirms it as the sign-in address of the person who claimed it. */
export async function askToConfirm(
  deps: { readonly accounts: AccountStore; readonly mailer: Mailer },
  origin: string,
  claim: {
    personId: string
    personName: string
    email: string
    lang: MailLanguage
    teamName: string | null
  }
): Promise<void> {
  const link = await newSignInLink(deps.accounts, origin, claim.email, { personId: claim.personId })
  deps.mailer.send(
    confirmAddressMail(claim.lang, claim.email, link, {
      personName: claim.personName,
      teamName: claim.teamName,
    })
  )
}

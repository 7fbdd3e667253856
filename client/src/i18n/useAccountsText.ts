import { useTranslation } from 'react-i18next'
import type { AccountsMessages } from './accounts.ja.ts'

/** Every dotted key of a nested message object, e.g. `signin.title`. */
type KeyOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeyOf<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type AccountsKey = KeyOf<AccountsMessages>

/**
 * The accounts strings (namespace `accounts`), with keys checked against accounts.ja.ts. They are kept
 * out of the main namespace's typed keys, which are at the size the compiler can still expand.
 */
export function useAccountsText(): (
  key: AccountsKey,
  values?: Record<string, string | number>
) => string {
  const { i18n } = useTranslation()
  // The namespace is not in the typed resources (see above), so it is named through the options.
  const translate = i18n.t.bind(i18n) as unknown as (
    key: string,
    options: Record<string, string | number>
  ) => string
  return (key, values) => translate(key, { ...values, ns: 'accounts' })
}

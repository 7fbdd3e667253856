import type { TFunction } from 'i18next'

/**
 * The `t` of useTranslation, for helpers that turn data into words. Named once: spelled as
 * `ReturnType<typeof useTranslation>['t']`, TypeScript 7 gives up ("excessively deep") once the
 * message catalogue passes about 700 keys.
 */
export type Translate = TFunction

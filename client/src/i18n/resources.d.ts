import type { Messages } from './ja.ts'

// Typed keys: t('board.status') is checked against ja.ts at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages }
  }
}

import { useTranslation } from 'react-i18next'
import type { Language } from './index.ts'

/** The current UI language, re-rendering when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : 'ja'
}

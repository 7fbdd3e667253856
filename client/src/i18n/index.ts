/**
 * i18next setup: Japanese first, English on request, the choice kept in localStorage.
 */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { ja } from './ja.ts'
import { en } from './en.ts'
import { accountsJa } from './accounts.ja.ts'
import { accountsEn } from './accounts.en.ts'

/** The UI languages, in the order the switch shows them. */
export const LANGUAGES = ['ja', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'specboard.language'

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'en' ? 'en' : 'ja'
  } catch {
    return 'ja'
  }
}

/** Switches the UI language and remembers it for the next visit. */
export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode without storage: the switch still applies to this visit.
  }
  void i18n.changeLanguage(language)
}

/** The language currently shown. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'ja'
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng
})

void i18n.use(initReactI18next).init({
  resources: {
    ja: { translation: ja, accounts: accountsJa },
    en: { translation: en, accounts: accountsEn },
  },
  defaultNS: 'translation',
  lng: storedLanguage(),
  fallbackLng: 'ja',
  interpolation: { escapeValue: false },
  returnNull: false,
})

export default i18n

import { useTranslation } from 'react-i18next'
import { LANGUAGES, setLanguage } from '../i18n/index.ts'
import { useLanguage } from '../i18n/useLanguage.ts'

const LABEL = { ja: '日本語', en: 'English' } as const

/** 日本語 / English, remembered for the next visit. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const current = useLanguage()
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={current === language}
          onClick={() => setLanguage(language)}
        >
          {LABEL[language]}
        </button>
      ))}
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'

/** Any path no route knows. */
export function NotFound() {
  const { t } = useTranslation()
  return (
    <div className="page page--narrow">
      <div className="card stack">
        <h1>{t('notFound.title')}</h1>
        <p className="muted">{t('notFound.body')}</p>
        <div>
          <Link className="button" href="/">
            {t('common.backHome')}
          </Link>
        </div>
      </div>
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'

/** Where a screen sits: program › page, each step but the last a link. */
export function Crumbs({ items }: { items: readonly { label: string; href?: string }[] }) {
  const { t } = useTranslation()
  return (
    <nav className="selection-crumbs" aria-label={t('selection.breadcrumb')}>
      {items.map((item, index) => (
        <span key={index} className="selection-crumbs__item">
          {index > 0 && <span aria-hidden="true">›</span>}
          {item.href ? (
            <Link href={item.href}>{item.label}</Link>
          ) : (
            <span aria-current="page">{item.label}</span>
          )}
        </span>
      ))}
    </nav>
  )
}

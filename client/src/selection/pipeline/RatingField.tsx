import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** A 1–5 rating as radio buttons drawn as stars; "none" clears it. Read-only shows the stars only. */
export function RatingField({
  value,
  onChange,
  isReadOnly,
}: {
  value: number | null
  onChange: (rating: number | null) => void
  isReadOnly?: boolean
}) {
  const { t } = useTranslation()
  const name = useId()
  // Shown at once on a click; the saved value replaces it when the application reloads.
  const [shown, setShown] = useState(value)
  useEffect(() => setShown(value), [value])
  const choose = (rating: number | null) => {
    setShown(rating)
    onChange(rating)
  }
  if (isReadOnly) return <Stars value={value} />
  return (
    <fieldset className="rating">
      <legend className="field-label">{t('selection.pipeline.rating')}</legend>
      <div className="rating__options">
        {[1, 2, 3, 4, 5].map((n) => (
          <label
            key={n}
            className={`rating__star${shown !== null && n <= shown ? ' rating__star--on' : ''}`}
          >
            <input
              type="radio"
              name={name}
              value={n}
              checked={shown === n}
              onChange={() => choose(n)}
              className="visually-hidden"
            />
            <span aria-hidden="true">★</span>
            <span className="visually-hidden">
              {t('selection.pipeline.ratingValue', { value: n })}
            </span>
          </label>
        ))}
        <label className="rating__clear">
          <input
            type="radio"
            name={name}
            value=""
            checked={shown === null}
            onChange={() => choose(null)}
            className="visually-hidden"
          />
          <span>{t('selection.pipeline.ratingNone')}</span>
        </label>
      </div>
    </fieldset>
  )
}

/** ★★★★☆ with the value in words for screen readers. */
export function Stars({ value }: { value: number | null }) {
  const { t } = useTranslation()
  if (value === null) return null
  return (
    <span className="stars" role="img" aria-label={t('selection.pipeline.ratingValue', { value })}>
      {'★'.repeat(value)}
      <span className="stars__off">{'★'.repeat(5 - value)}</span>
    </span>
  )
}

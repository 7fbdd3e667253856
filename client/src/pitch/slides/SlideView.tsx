import { memo, useLayoutEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../../i18n/useLanguage.ts'
import {
  PRESENTING_ROLES,
  type ClosingSlide,
  type SectionSlide,
  type Slide,
  type TitleSlide,
} from './buildSlides.ts'
import { SlideRichText } from './SlideRichText.tsx'
import './slides.css'

interface SlideViewProps {
  slide: Slide
  /** 0-based position in the deck, and the deck's length, for the page number. */
  index: number
  total: number
  /**
   * `stage`: always a 16:9 box that scales with its container (projector, presenter, previews).
   * `responsive`: 16:9 where there is room; on a phone-width container the slide reflows at phone type size.
   */
  variant?: 'stage' | 'responsive'
  /** The slide is a small preview: no live regions, no links to tab into. */
  isPreview?: boolean
  /** Shown at the foot of section slides. */
  teamName: string
}

/** One slide of a team's deck, the same for the presenter and every viewer. */
export const SlideView = memo(function SlideView({
  slide,
  index,
  total,
  variant = 'stage',
  isPreview,
  teamName,
}: SlideViewProps) {
  return (
    <div className={`slide-frame slide-frame--${variant}`} inert={isPreview || undefined}>
      {slide.kind === 'title' && <TitleSlideView slide={slide} index={index} total={total} />}
      {slide.kind === 'section' && (
        <SectionSlideView slide={slide} index={index} total={total} teamName={teamName} />
      )}
      {slide.kind === 'closing' && <ClosingSlideView slide={slide} index={index} total={total} />}
    </div>
  )
})

function TitleSlideView({
  slide,
  index,
  total,
}: {
  slide: TitleSlide
  index: number
  total: number
}) {
  const { t } = useTranslation()
  const { team } = slide
  const byRole = PRESENTING_ROLES.map((role) => ({
    role,
    names: team.members.filter((m) => m.role === role).map((m) => m.name),
  })).filter((group) => group.names.length > 0)
  return (
    <article
      className="slide slide--title"
      aria-roledescription={t('pitch.slide.roleDescription')}
      aria-label={team.name}
      data-slide-index={index}
    >
      <div className="slide__glow" aria-hidden="true" />
      <p className="slide__program">
        {team.programName}
        <span aria-hidden="true">・</span>
        {team.region}
      </p>
      <h2 className="slide__theme">{team.name}</h2>
      {team.organization && (
        <p className="slide__org">
          <span className="slide__org-label">{t('roles.owner')}</span>
          {team.organization}
        </p>
      )}
      {byRole.length > 0 && (
        <dl className="slide__members">
          {byRole.map(({ role, names }) => (
            <div key={role} className="slide__role">
              <dt>{t(`roles.${role}`)}</dt>
              {names.map((name, i) => (
                <dd key={i}>{name}</dd>
              ))}
            </div>
          ))}
        </dl>
      )}
      <footer className="slide__foot">
        <span className="slide__brand">Specboard</span>
        <span className="slide__page">{t('pitch.slide.page', { current: index + 1, total })}</span>
      </footer>
    </article>
  )
}

function SectionSlideView({
  slide,
  index,
  total,
  teamName,
}: {
  slide: SectionSlide
  index: number
  total: number
  teamName: string
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const bodyRef = useRef<HTMLDivElement>(null)
  useFitToBox(bodyRef, slide)
  // A few lines read better larger; a full slide keeps the base size (and shrinks only if it must).
  const size = slide.lines <= 3.5 ? 'large' : 'normal'
  const title = slide.title[language]
  return (
    <article
      className={`slide slide--section slide--${size}`}
      aria-roledescription={t('pitch.slide.roleDescription')}
      aria-label={title}
      data-slide-index={index}
    >
      <header className="slide__head">
        <p className="slide__kicker">
          <span className="slide__number">{String(slide.number).padStart(2, '0')}</span>
          {slide.parts > 1 && (
            <span className="slide__part">
              {t('pitch.slide.part', { part: slide.part, parts: slide.parts })}
            </span>
          )}
        </p>
        <h2 className="slide__title">{title}</h2>
      </header>
      <div className="slide__body rich" ref={bodyRef}>
        <SlideRichText blocks={slide.blocks} />
      </div>
      <footer className="slide__foot">
        <span className="slide__team">{teamName}</span>
        <span className="slide__page">{t('pitch.slide.page', { current: index + 1, total })}</span>
      </footer>
    </article>
  )
}

function ClosingSlideView({
  slide,
  index,
  total,
}: {
  slide: ClosingSlide
  index: number
  total: number
}) {
  const { t } = useTranslation()
  return (
    <article
      className="slide slide--closing"
      aria-roledescription={t('pitch.slide.roleDescription')}
      aria-label={t('pitch.slide.thanks')}
      data-slide-index={index}
    >
      <div className="slide__glow" aria-hidden="true" />
      <p className="slide__program">{slide.team.name}</p>
      <h2 className="slide__thanks">{t('pitch.slide.thanks')}</h2>
      <p className="slide__invite">{t('pitch.slide.closingLead')}</p>
      <p className="slide__cta">{t('pitch.slide.closingCta')}</p>
      <footer className="slide__foot">
        <span className="slide__brand">Specboard</span>
        <span className="slide__page">{t('pitch.slide.page', { current: index + 1, total })}</span>
      </footer>
    </article>
  )
}

const MIN_FIT = 0.6

/**
 * Shrinks the body's type (the `--fit` factor) when an estimate let too much onto one slide, so nothing
 * is ever cut off on the projector. Re-measures when the box changes size.
 */
function useFitToBox(ref: React.RefObject<HTMLElement | null>, content: unknown) {
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const fit = () => {
      let factor = 1
      element.style.setProperty('--fit', '1')
      // Smaller type also wraps less, so a couple of rounds settle it.
      for (let round = 0; round < 3 && element.scrollHeight > element.clientHeight + 1; round++) {
        factor = Math.max(MIN_FIT, factor * (element.clientHeight / element.scrollHeight) * 0.98)
        element.style.setProperty('--fit', String(factor))
      }
    }
    // biome-ignore lint/suspicious/noFocusedTests: `fit` is this effect's own function, not a focused test
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref, content])
}

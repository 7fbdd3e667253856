import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/** The audience link alone on the screen, in type large enough to read from the back of a hall. */
export function ProjectorLink({ url, onClose }: { url: string; onClose: () => void }) {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  const { host, pathname } = new URL(url)
  return (
    <dialog
      ref={dialogRef}
      className="projector-link"
      aria-labelledby="projector-link-label"
      onCancel={onClose}
      onClose={onClose}
    >
      <p id="projector-link-label" className="projector-link__label">
        {t('pitch.share.bigLabel')}
      </p>
      <p className="projector-link__url" data-testid="share-big">
        <span className="projector-link__host">{host}</span>
        {pathname}
      </p>
      <button type="button" className="button projector-link__close" onClick={onClose} autoFocus>
        {t('pitch.share.hideBig')}
      </button>
    </dialog>
  )
}

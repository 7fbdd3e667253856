import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './ui.css'

interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  /** Extra class on the dialog element (width, layout). */
  className?: string
}

/**
 * A modal dialog on the native <dialog> element: focus is kept inside, Escape and the close button call
 * `onClose`, and the page behind is inert. Mount it to open it.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    const onCancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      if (dialog.open) dialog.close()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
    >
      <header className="dialog__head">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          {t('common.close')}
        </button>
      </header>
      <div className="dialog__body">{children}</div>
    </dialog>
  )
}

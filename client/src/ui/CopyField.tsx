import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** A read-only value with a copy button (falls back to selecting the text where the clipboard is off). */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation()
  const inputRef = useRef<HTMLInputElement>(null)
  const [isCopied, setCopied] = useState(false)

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
    } catch {
      // Plain http on a LAN address has no clipboard API; the selected text can be copied by hand.
      inputRef.current?.select()
      document.execCommand('copy')
    }
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }

  return (
    <div className="copy-field">
      <label className="visually-hidden" htmlFor="copy-field-input">
        {label}
      </label>
      <input
        id="copy-field-input"
        ref={inputRef}
        className="input copy-field__input"
        readOnly
        value={value}
        onFocus={(e) => e.target.select()}
      />
      <button type="button" className="button button--small" onClick={() => void copy()}>
        {isCopied ? t('common.copied') : t('common.copy')}
      </button>
    </div>
  )
}

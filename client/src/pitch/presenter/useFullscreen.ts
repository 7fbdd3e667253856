import { useCallback, useEffect, useState, type RefObject } from 'react'

/** Whether `ref`'s element is full screen, and a toggle (a no-op where the browser refuses). */
export function useFullscreen(ref: RefObject<HTMLElement | null>): {
  isFullscreen: boolean
  toggle: () => void
} {
  const [isFullscreen, setFullscreen] = useState(false)
  useEffect(() => {
    const onChange = () =>
      setFullscreen(
        document.fullscreenElement !== null && document.fullscreenElement === ref.current
      )
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [ref])
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
    else void ref.current?.requestFullscreen().catch(() => undefined)
  }, [ref])
  return { isFullscreen, toggle }
}

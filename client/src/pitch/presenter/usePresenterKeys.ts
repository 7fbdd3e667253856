import { useEffect, useRef } from 'react'

export interface PresenterKeyActions {
  next: () => void
  previous: () => void
  first: () => void
  last: () => void
}

// Clickers send PageDown/PageUp (some send arrows or Space); keyboards use all of them.
const KEYMAP: Readonly<Record<string, keyof PresenterKeyActions>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
}

/**
 * Slide keys for the whole window while `isEnabled`. Keys typed into a field are left alone, and Space on a
 * focused button or link keeps its own meaning (pressing that control).
 */
export function usePresenterKeys(actions: PresenterKeyActions, isEnabled: boolean) {
  const actionsRef = useRef(actions)
  actionsRef.current = actions
  useEffect(() => {
    if (!isEnabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        event.isComposing
      )
        return
      const action = KEYMAP[event.key]
      if (!action || isTypingTarget(event.target)) return
      if (event.key === ' ' && isPressable(event.target)) return
      event.preventDefault()
      actionsRef.current[action]()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [isEnabled])
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

function isPressable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.tagName === 'BUTTON' ||
      target.tagName === 'A' ||
      target.getAttribute('role') === 'button')
  )
}

import { useCallback, useEffect, useRef, useState } from 'react'

/** The state of one API read. */
export interface ApiState<T> {
  data: T | undefined
  error: unknown
  isLoading: boolean
  reload: () => void
}

/**
 * Runs `load` when `key` changes (and every `refreshMs`, if given), keeping the last good data while a
 * refresh is in flight so polling never flashes a loading state.
 */
export function useApi<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  refreshMs?: number
): ApiState<T> {
  const [state, setState] = useState<{
    key: string
    data?: T
    error?: unknown
    isLoading: boolean
  }>({
    key,
    isLoading: true,
  })
  const [generation, setGeneration] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const run = () => {
      loadRef.current(controller.signal).then(
        (data) => {
          if (controller.signal.aborted) return
          setState({ key, data, isLoading: false })
          if (refreshMs) timer = setTimeout(run, refreshMs)
        },
        (error: unknown) => {
          if (controller.signal.aborted) return
          setState((s) => ({
            key,
            data: s.key === key ? s.data : undefined,
            error,
            isLoading: false,
          }))
          if (refreshMs) timer = setTimeout(run, refreshMs)
        }
      )
    }
    setState((s) =>
      s.key === key ? { ...s, isLoading: s.data === undefined } : { key, isLoading: true }
    )
    run()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [key, refreshMs, generation])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const isCurrent = state.key === key
  return {
    data: isCurrent ? state.data : undefined,
    error: isCurrent ? state.error : undefined,
    isLoading: !isCurrent || state.isLoading,
    reload,
  }
}

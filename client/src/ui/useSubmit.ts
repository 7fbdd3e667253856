import { useCallback, useState } from 'react'

/**
 * What every form's submit shares: one request at a time, "sending" while it runs, the last error kept
 * to be shown in words (ErrorMessage). `run` clears the error, runs the work and says whether it
 * succeeded. With `busyAfterSuccess` the button stays disabled after success, for forms that go away
 * then (navigation, a closing dialog) and must not be sent twice meanwhile.
 */
export function useSubmit(options: { readonly busyAfterSuccess?: boolean } = {}) {
  const { busyAfterSuccess = false } = options
  const [isSending, setSending] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = useCallback(
    async (work: () => Promise<void>): Promise<boolean> => {
      setSending(true)
      setError(null)
      try {
        await work()
        if (!busyAfterSuccess) setSending(false)
        return true
      } catch (failure) {
        setError(failure)
        setSending(false)
        return false
      }
    },
    [busyAfterSuccess]
  )
  return { isSending, error, setError, run }
}

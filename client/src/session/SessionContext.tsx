/**
 * Who is signed in: GET /api/me once per page load, refreshed after sign-in, invite acceptance or
 * sign-out. `me` is null when the server answers 401.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import { Me } from '@specboard/shared'
import { ApiRequestError, apiRequest, apiSend } from '../api.ts'

interface Session {
  /** undefined while loading, null when not signed in. */
  me: Me | null | undefined
  error: unknown
  refresh: () => Promise<void>
  signOut: () => Promise<void>
}

const SessionContext = createContext<Session | null>(null)

/** Provides the session to every route. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)

  const refresh = useCallback(async () => {
    try {
      setMe(await apiRequest('/api/me', Me))
      setError(undefined)
    } catch (e) {
      if (e instanceof ApiRequestError && e.kind === 'unauthorized') {
        setMe(null)
        setError(undefined)
      } else {
        setError(e)
      }
    }
  }, [])

  const signOut = useCallback(async () => {
    await apiSend('/api/auth/logout', { method: 'POST' }).catch(() => undefined)
    setMe(null)
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const value = useMemo(() => ({ me, error, refresh, signOut }), [me, error, refresh, signOut])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

/** The current session; must be used under {@link SessionProvider}. */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}

import { useEffect, useRef, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { SIGNIN_TOKEN_MINUTES, SignInResponse } from '@specboard/shared'
import { ApiRequestError, apiRequest } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useSession } from '../session/SessionContext.tsx'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import './account.css'

/**
 * `/signin/:token`: the page the mailed link opens. It exchanges the token with a POST (link scanners in
 * mail systems only GET), then goes home — or to the team the link also joined. When confirming the
 * address signed out the devices that had claimed it, it says so first.
 */
export function SignInLinkPage({ token }: { token: string }) {
  const ta = useAccountsText()
  const [, navigate] = useLocation()
  const { refresh } = useSession()
  const [error, setError] = useState<unknown>(null)
  /** Where to go once the person has read that their other devices were signed out. */
  const [nextAfterNotice, setNextAfterNotice] = useState<string | null>(null)
  const started = useRef(false)

  useEffect(() => {
    // Once per page: React's development double effect must not spend the single-use token twice.
    if (started.current) return
    started.current = true
    void (async () => {
      try {
        const session = await apiRequest('/api/auth/signin', SignInResponse, {
          method: 'POST',
          body: { token },
        })
        await refresh()
        const next = session.joinedTeamId
          ? `/teams/${encodeURIComponent(session.joinedTeamId)}`
          : '/'
        if (session.endedOtherSessions) setNextAfterNotice(next)
        else navigate(next, { replace: true })
      } catch (e) {
        setError(e)
      }
    })()
  }, [token, refresh, navigate])

  if (nextAfterNotice !== null)
    return (
      <div className="page page--narrow">
        <div className="card stack signin" role="status">
          <h1>{ta('signin.otherDevicesTitle')}</h1>
          <p className="muted">{ta('signin.otherDevicesBody')}</p>
          <div>
            <Link className="button button--primary" href={nextAfterNotice} replace>
              {ta('signin.continue')}
            </Link>
          </div>
        </div>
      </div>
    )
  if (error === null)
    return (
      <div className="page page--narrow">
        <div className="card stack signin" role="status">
          <h1>{ta('signin.linkTitle')}</h1>
          <Loading />
        </div>
      </div>
    )
  const isSpent = error instanceof ApiRequestError && error.status === 410
  return (
    <div className="page page--narrow">
      <div className="card stack signin" role="alert">
        <h1>{ta('signin.linkFailedTitle')}</h1>
        {isSpent ? (
          <p className="muted">{ta('signin.linkFailedBody', { minutes: SIGNIN_TOKEN_MINUTES })}</p>
        ) : (
          <ErrorMessage error={error} />
        )}
        <div>
          <Link className="button button--primary" href="/signin">
            {ta('signin.askAgain')}
          </Link>
        </div>
      </div>
    </div>
  )
}

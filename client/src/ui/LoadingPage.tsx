import { ErrorMessage } from './ErrorMessage.tsx'
import { Loading } from './Loading.tsx'

/** A page whose data has not come: loading, or the failure in words with a way to try again. */
export function LoadingPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="page">
      {error !== undefined ? <ErrorMessage error={error} onRetry={onRetry} /> : <Loading />}
    </div>
  )
}

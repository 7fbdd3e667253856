import { useLocation } from 'wouter'
import { AppNav } from './AppNav.tsx'
import { Routes } from './routes.tsx'
import { SessionProvider } from './session/SessionContext.tsx'
import './app.css'

/** The app shell: session, top bar, and the routed screen. */
export function App() {
  const [location] = useLocation()
  // The audience of a pitch has no account: its view is the whole screen, with its own slim bar.
  const isAudience = location.startsWith('/watch/')
  return (
    <SessionProvider>
      {!isAudience && <AppNav />}
      <div className="app-main">
        <Routes />
      </div>
    </SessionProvider>
  )
}

import { AppNav } from './AppNav.tsx'
import { Routes } from './routes.tsx'
import { SessionProvider } from './session/SessionContext.tsx'
import './app.css'

/** The app shell: session, top bar, and the routed screen. */
export function App() {
  return (
    <SessionProvider>
      <AppNav />
      <div className="app-main">
        <Routes />
      </div>
    </SessionProvider>
  )
}

import { lazy, Suspense } from 'react'
import { Route, Switch } from 'wouter'
import { HomePage } from './home/HomePage.tsx'
import { InvitePage } from './invite/InvitePage.tsx'
import { ProgramPage } from './program/ProgramPage.tsx'
import { SetupPage } from './setup/SetupPage.tsx'
import { NotFound } from './ui/NotFound.tsx'
import { SignInPage } from './account/SignInPage.tsx'
import { SignInLinkPage } from './account/SignInLinkPage.tsx'
import { AccountPage } from './account/AccountPage.tsx'
import { Loading } from './ui/Loading.tsx'

// The editor stack (TipTap, ProseMirror, Yjs) is most of the bundle; screens without it load first.
const SpecBoard = lazy(() =>
  import('./board/SpecBoard.tsx').then((m) => ({ default: m.SpecBoard }))
)
const PrintView = lazy(() =>
  import('./board/PrintView.tsx').then((m) => ({ default: m.PrintView }))
)
const PitchSessionsPage = lazy(() =>
  import('./pitch/sessions/PitchSessionsPage.tsx').then((m) => ({ default: m.PitchSessionsPage }))
)
const SessionRunner = lazy(() =>
  import('./pitch/sessions/SessionRunner.tsx').then((m) => ({ default: m.SessionRunner }))
)
const PresenterPage = lazy(() =>
  import('./pitch/presenter/PresenterPage.tsx').then((m) => ({ default: m.PresenterPage }))
)
const WatchPage = lazy(() =>
  import('./pitch/audience/WatchPage.tsx').then((m) => ({ default: m.WatchPage }))
)
const PublishPage = lazy(() =>
  import('./selection/publish/PublishPage.tsx').then((m) => ({ default: m.PublishPage }))
)
const SelectionPage = lazy(() =>
  import('./selection/SelectionPage.tsx').then((m) => ({ default: m.SelectionPage }))
)
const PipelinePage = lazy(() =>
  import('./selection/pipeline/PipelinePage.tsx').then((m) => ({ default: m.PipelinePage }))
)
const FiguresPage = lazy(() =>
  import('./selection/figures/FiguresPage.tsx').then((m) => ({ default: m.FiguresPage }))
)
const ProgramSettingsPage = lazy(() =>
  import('./settings/ProgramSettingsPage.tsx').then((m) => ({ default: m.ProgramSettingsPage }))
)
const AuditPage = lazy(() =>
  import('./settings/AuditPage.tsx').then((m) => ({ default: m.AuditPage }))
)
const PoolPage = lazy(() =>
  import('./selection/pool/PoolPage.tsx').then((m) => ({ default: m.PoolPage }))
)

/** Every screen, by path. The server answers index.html for any path outside /api and /collab. */
export function Routes() {
  return (
    <Suspense
      fallback={
        <div className="page">
          <Loading />
        </div>
      }
    >
      <Switch>
        <Route path="/">{() => <HomePage />}</Route>
        <Route path="/signin">{() => <SignInPage />}</Route>
        <Route path="/signin/:token">
          {(p) => <SignInLinkPage key={p.token} token={p.token} />}
        </Route>
        <Route path="/account">{() => <AccountPage />}</Route>
        <Route path="/setup/:token">{(p) => <SetupPage token={p.token} />}</Route>
        <Route path="/invite/:token">{(p) => <InvitePage key={p.token} token={p.token} />}</Route>
        <Route path="/programs/:programId">
          {(p) => <ProgramPage key={p.programId} programId={p.programId} />}
        </Route>
        <Route path="/programs/:programId/pitch">
          {(p) => <PitchSessionsPage key={p.programId} programId={p.programId} />}
        </Route>
        <Route path="/programs/:programId/selection">
          {(p) => <SelectionPage key={p.programId} programId={p.programId} />}
        </Route>
        <Route path="/programs/:programId/selection/:postingId">
          {(p) => (
            <PipelinePage key={p.postingId} programId={p.programId} postingId={p.postingId} />
          )}
        </Route>
        <Route path="/programs/:programId/settings">
          {(p) => <ProgramSettingsPage key={p.programId} programId={p.programId} />}
        </Route>
        <Route path="/programs/:programId/audit">
          {(p) => <AuditPage key={p.programId} programId={p.programId} />}
        </Route>
        <Route path="/programs/:programId/figures">
          {(p) => <FiguresPage key={p.programId} programId={p.programId} />}
        </Route>
        <Route path="/pool">{() => <PoolPage />}</Route>
        <Route path="/teams/:teamId/posting">
          {(p) => <PublishPage key={p.teamId} teamId={p.teamId} />}
        </Route>
        <Route path="/pitch/:sessionId">
          {(p) => <SessionRunner key={p.sessionId} sessionId={p.sessionId} />}
        </Route>
        <Route path="/teams/:teamId/present">
          {(p) => <PresenterPage key={p.teamId} teamId={p.teamId} />}
        </Route>
        <Route path="/watch/:token">{(p) => <WatchPage key={p.token} token={p.token} />}</Route>
        <Route path="/teams/:teamId/print">
          {(p) => <PrintView key={p.teamId} teamId={p.teamId} />}
        </Route>
        <Route path="/teams/:teamId">{(p) => <SpecBoard key={p.teamId} teamId={p.teamId} />}</Route>
        <Route>{() => <NotFound />}</Route>
      </Switch>
    </Suspense>
  )
}

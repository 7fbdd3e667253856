import { Route, Switch } from 'wouter'
import { SpecBoard } from './board/SpecBoard.tsx'
import { PrintView } from './board/PrintView.tsx'
import { HomePage } from './home/HomePage.tsx'
import { InvitePage } from './invite/InvitePage.tsx'
import { ProgramPage } from './program/ProgramPage.tsx'
import { SetupPage } from './setup/SetupPage.tsx'
import { NotFound } from './ui/NotFound.tsx'

/** Every screen, by path. The server answers index.html for any path outside /api and /collab. */
export function Routes() {
  return (
    <Switch>
      <Route path="/">{() => <HomePage />}</Route>
      <Route path="/setup/:token">{(p) => <SetupPage token={p.token} />}</Route>
      <Route path="/invite/:token">{(p) => <InvitePage key={p.token} token={p.token} />}</Route>
      <Route path="/programs/:programId">{(p) => <ProgramPage key={p.programId} programId={p.programId} />}</Route>
      <Route path="/teams/:teamId/print">{(p) => <PrintView key={p.teamId} teamId={p.teamId} />}</Route>
      <Route path="/teams/:teamId">{(p) => <SpecBoard key={p.teamId} teamId={p.teamId} />}</Route>
      <Route>{() => <NotFound />}</Route>
    </Switch>
  )
}

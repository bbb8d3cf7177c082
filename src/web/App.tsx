import { Redirect, Route, Switch, useRoute } from 'wouter';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireSignIn } from './auth/RequireSignIn.tsx';
import { SetupPage } from './auth/SetupPage.tsx';
import { SessionProvider } from './auth/session.tsx';
import { AtlasRoute } from './atlas/AtlasRoute.tsx';
import { DirectoryPage } from './directory/DirectoryPage.tsx';
import { DataPage } from './data/DataPage.tsx';
import { ImportPage } from './data/ImportPage.tsx';
import { EditOrganisationPage, NewOrganisationPage } from './directory/OrganisationFormPage.tsx';
import { OrganisationPage } from './directory/OrganisationPage.tsx';
import { EventPage } from './events/EventPage.tsx';
import { EventsPage } from './events/EventsPage.tsx';
import { NewEventPage } from './events/NewEventPage.tsx';
import { FacilitatePage } from './facilitate/FacilitatePage.tsx';
import { InvitePage } from './members/InvitePage.tsx';
import { MembersPage } from './members/MembersPage.tsx';
import { ResetPage } from './members/ResetPage.tsx';
import { SecondFactorPage } from './members/SecondFactorPage.tsx';
import { PatternsPage } from './patterns/PatternsPage.tsx';
import { PublicSpectrumPage } from './patterns/PublicSpectrumPage.tsx';
import { CommitmentPage } from './commitments/CommitmentPage.tsx';
import { CommitmentsPage } from './commitments/CommitmentsPage.tsx';
import { RoadmapPage } from './commitments/RoadmapPage.tsx';
import { ReviewPage } from './review/ReviewPage.tsx';
import { VocabularyPage } from './factors/VocabularyPage.tsx';
import { ReportRoute } from './report/routes.tsx';
import { ScreenPage } from './screen/ScreenPage.tsx';
import { OverlapPage } from './analysis/OverlapPage.tsx';
import { OverlapScreen } from './analysis/OverlapScreen.tsx';
import { LearningsScreen } from './screen/LearningsScreen.tsx';
import {
  SheetManageRoute,
  SheetPrintRoute,
  SheetWallRoute,
  SheetsIndexRoute,
  SheetsOverviewRoute,
} from './sheets/routes.tsx';
import { FlashProvider } from './shell/flash.tsx';
import { Layout } from './Layout.tsx';
import { NotFound } from './shell/NotFound.tsx';

export function App() {
  // The projector fills the screen: no header, no footer, nothing to click.
  const [projector, screen] = useRoute('/screen/:id');
  // A café sheet on the projector, and on paper: full page too.
  const [wall, w] = useRoute('/screen/:id/sheet/:issueKey');
  const [print, pr] = useRoute('/events/:id/sheets/:issueKey/print');
  // Every sheet at once (or in rotation) on the wall.
  const [overview, ov] = useRoute('/screen/:id/sheets');
  // The event report is a document (on screen, on paper, as a PDF): no header, no navigation.
  const [report, rp] = useRoute('/events/:id/report');
  // Its published public version, for anyone.
  const [publicReport, pr2] = useRoute('/reports/:id');
  const [overlapScreen, os] = useRoute('/screen/:id/overlap');
  // The learnings wall on the projector: most voted, newest, by theme.
  const [learningsScreen, ls] = useRoute('/screen/:id/learnings');
  if (overlapScreen) return <OverlapScreen key={os.id} id={os.id} />;
  if (learningsScreen) return <LearningsScreen key={ls.id} id={ls.id} />;
  if (projector) return <ScreenPage key={screen.id} id={screen.id} />;
  if (wall) return <SheetWallRoute key={w.id + w.issueKey} eventId={w.id} issueKey={w.issueKey} />;
  if (overview) return <SheetsOverviewRoute key={ov.id} eventId={ov.id} />;
  if (print) return <SheetPrintRoute eventId={pr.id} issueKey={pr.issueKey} />;
  if (report) return <ReportRoute key={rp.id} eventId={rp.id} />;
  if (publicReport) return <ReportRoute key={pr2.id} eventId={pr2.id} published />;
  return (
    <SessionProvider>
      <FlashProvider>
        <Layout>
          <Switch>
            <Route path="/">
              <Redirect to="/directory" replace />
            </Route>
            <Route path="/login" component={LoginPage} />
            <Route path="/invite" component={InvitePage} />
            <Route path="/setup" component={SetupPage} />
            <Route path="/reset" component={ResetPage} />
            <Route path="/members">
              <RequireSignIn>
                <MembersPage />
              </RequireSignIn>
            </Route>
            <Route path="/account/security">
              <RequireSignIn>
                <SecondFactorPage />
              </RequireSignIn>
            </Route>
            <Route path="/directory" component={DirectoryPage} />
            <Route path="/data" component={DataPage} />
            <Route path="/data/import/organisations">
              <RequireSignIn>
                <ImportPage entity="organisations" />
              </RequireSignIn>
            </Route>
            <Route path="/data/import/routes">
              <RequireSignIn>
                <ImportPage entity="routes" />
              </RequireSignIn>
            </Route>
            <Route path="/data/import/cards">
              <RequireSignIn>
                <ImportPage entity="cards" />
              </RequireSignIn>
            </Route>
            <Route path="/analysis/overlap" component={OverlapPage} />
            <Route path="/atlas/:tab?">{(p) => <AtlasRoute tab={p.tab} />}</Route>
            <Route path="/directory/new">
              <RequireSignIn>
                <NewOrganisationPage />
              </RequireSignIn>
            </Route>
            <Route path="/directory/:id/edit">
              {(params) => (
                <RequireSignIn>
                  <EditOrganisationPage key={params.id} id={params.id} />
                </RequireSignIn>
              )}
            </Route>
            <Route path="/directory/:id">
              {(params) => <OrganisationPage key={params.id} id={params.id} />}
            </Route>
            <Route path="/spectrum" component={PublicSpectrumPage} />
            <Route path="/factors">
              <RequireSignIn>
                <VocabularyPage />
              </RequireSignIn>
            </Route>
            <Route path="/patterns">
              <RequireSignIn>
                <PatternsPage />
              </RequireSignIn>
            </Route>
            <Route path="/commitments">
              <RequireSignIn>
                <CommitmentsPage />
              </RequireSignIn>
            </Route>
            <Route path="/commitments/:id">
              {(params) => (
                <RequireSignIn>
                  <CommitmentPage key={params.id} id={params.id} />
                </RequireSignIn>
              )}
            </Route>
            <Route path="/events/:id/roadmaps">
              {(params) => (
                <RequireSignIn>
                  <RoadmapPage key={params.id} eventId={params.id} />
                </RequireSignIn>
              )}
            </Route>
            <Route path="/events">
              <RequireSignIn>
                <EventsPage />
              </RequireSignIn>
            </Route>
            <Route path="/events/new">
              <RequireSignIn>
                <NewEventPage />
              </RequireSignIn>
            </Route>
            <Route path="/events/:id/sheets">
              {(params) => (
                <RequireSignIn>
                  <SheetsIndexRoute key={params.id} eventId={params.id} />
                </RequireSignIn>
              )}
            </Route>
            <Route path="/events/:id/sheets/:issueKey">
              {(params) => (
                <RequireSignIn>
                  <SheetManageRoute
                    key={params.id + params.issueKey}
                    eventId={params.id}
                    issueKey={params.issueKey}
                  />
                </RequireSignIn>
              )}
            </Route>
            <Route path="/events/:id/review">
              {(params) => (
                <RequireSignIn>
                  <ReviewPage key={params.id} eventId={params.id} />
                </RequireSignIn>
              )}
            </Route>
            <Route path="/events/:id/facilitate">
              {(params) => (
                <RequireSignIn>
                  <FacilitatePage key={params.id} id={params.id} />
                </RequireSignIn>
              )}
            </Route>
            <Route path="/events/:id">
              {(params) => (
                <RequireSignIn>
                  <EventPage key={params.id} id={params.id} />
                </RequireSignIn>
              )}
            </Route>
            <Route>
              <NotFound />
            </Route>
          </Switch>
        </Layout>
      </FlashProvider>
    </SessionProvider>
  );
}

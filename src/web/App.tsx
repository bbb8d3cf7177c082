import { Redirect, Route, Switch } from 'wouter';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireSignIn } from './auth/RequireSignIn.tsx';
import { SessionProvider } from './auth/session.tsx';
import { DirectoryPage } from './directory/DirectoryPage.tsx';
import { EditOrganisationPage, NewOrganisationPage } from './directory/OrganisationFormPage.tsx';
import { OrganisationPage } from './directory/OrganisationPage.tsx';
import { FlashProvider } from './shell/flash.tsx';
import { Layout } from './shell/Layout.tsx';
import { NotFound } from './shell/NotFound.tsx';

export function App() {
  return (
    <SessionProvider>
      <FlashProvider>
        <Layout>
          <Switch>
            <Route path="/">
              <Redirect to="/directory" replace />
            </Route>
            <Route path="/login" component={LoginPage} />
            <Route path="/directory" component={DirectoryPage} />
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
            <Route>
              <NotFound />
            </Route>
          </Switch>
        </Layout>
      </FlashProvider>
    </SessionProvider>
  );
}

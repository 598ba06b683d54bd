import { createTheme, MantineProvider, Notification, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from './api/http';
import { prefetchLedger } from './api/queries';
import { AuthProvider, RequireSession } from './ui/auth';
import { loadShell } from './ui/load-shell';
import { Loading } from './ui/states';
import VerifyEmail from './screens/sign-in/VerifyEmail';
import { SignIn } from './screens/sign-in/SignIn';

// Darker shades than Mantine's defaults, so text and links meet WCAG AA contrast (axe's color-contrast rule).
const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'md',
  // People who ask their system for less motion get toasts and modals without fades.
  respectReducedMotion: true,
  // A toast's close button has no text: give it a name.
  // Its description is the body text, so it gets the text colour: Mantine's dimmed grey fails contrast on a toast.
  components: {
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    }),
  },
});
const contrast: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#5c636a' }, dark: {} });

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // 503/504 and lost connections are retried (the banner says so); other errors are shown at once.
      retry: (count, error) => error instanceof ApiError && error.unavailable && count < 20,
      retryDelay: (count) => Math.min(1000 * 2 ** count, 10_000),
      staleTime: 10_000,
      refetchOnWindowFocus: false,
    },
  },
});

// Every screen after sign-in is split off and loaded when first opened.
const screen = (load: () => Promise<{ default: React.ComponentType }>) => {
  const Screen = lazy(load);
  return <Screen />;
};

const loadLedger = () => import('./screens/ledger/Ledger');

// The shell (navigation, live pushes with socket.io-client) is not needed to sign in: it loads
// while the sign-in page is shown (loadShell), so the first page paints sooner.
const Shell = lazy(() => loadShell().then((module) => ({ default: module.Shell })));

/** A screen outside the shell (before sign-in) brings its own loading state. */
const publicScreen = (load: () => Promise<{ default: React.ComponentType }>) => <Suspense fallback={<Loading />}>{screen(load)}</Suspense>;

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignIn mode="sign-in" /> },
  { path: '/sign-up', element: <SignIn mode="sign-up" /> },
  { path: '/verify-email', element: <VerifyEmail /> },
  { path: '/forgot-password', element: publicScreen(() => import('./screens/sign-in/ForgotPassword')) },
  { path: '/reset-password', element: publicScreen(() => import('./screens/sign-in/ResetPassword')) },
  {
    path: '/',
    element: (
      <RequireSession>
        <Suspense fallback={<Loading />}>
          <Shell />
        </Suspense>
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      { path: 'dashboard', element: screen(() => import('./screens/dashboard/Dashboard')) },
      {
        path: 'ledger',
        loader: () => {
          void loadLedger();
          return prefetchLedger(queries);
        },
        element: screen(loadLedger),
      },
      { path: 'import', element: screen(() => import('./screens/import/ImportWizard')) },
      { path: 'rules', element: screen(() => import('./screens/rules/Rules')) },
      { path: 'reports', element: screen(() => import('./screens/reports/Reports')) },
      { path: 'wallet', element: screen(() => import('./screens/wallet/Wallet')) },
      { path: 'watchlist', element: screen(() => import('./screens/watchlist/Watchlist')) },
      { path: 'risk/strategy', element: screen(() => import('./screens/risk/StrategyVar')) },
      { path: 'risk/portfolio', element: screen(() => import('./screens/risk/PortfolioVar')) },
      { path: 'market', element: screen(() => import('./screens/market/Market')) },
      { path: 'settings', element: screen(() => import('./screens/settings/Settings')) },
      { path: '*', element: <Navigate to="/dashboard" replace /> },
    ],
  },
]);

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queries}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { session, signIn as apiSignIn, signOut as apiSignOut, verifyMfa, type MfaChallenge } from '../api/http';
import { Loading } from './states';

/** Not a secret: only a hint that a refresh cookie may exist, so a first visit does not try a refresh it cannot make. */
const SIGNED_IN_HINT = 'finstack.signedIn';

type Status = 'checking' | 'signed-in' | 'signed-out';

interface AuthContextValue {
  status: Status;
  /** Resolves to the MFA challenge when the account asks for a second step. */
  signIn(email: string, password: string): Promise<MfaChallenge | null>;
  completeMfa(mfaToken: string, proof: { code: string } | { recoveryCode: string }): Promise<void>;
  signOut(): Promise<void>;
  /** The server ended the session already (account deleted): forget it here, with a word for the sign-in page. */
  forget(notice: string): void;
  /** What the sign-in page says first (set by forget). */
  notice: string | null;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [status, setStatus] = useState<Status>(() => (localStorage.getItem(SIGNED_IN_HINT) ? 'checking' : 'signed-out'));

  useEffect(() => {
    // A reload: the access token was in memory only, so the refresh cookie gets a new one.
    if (status === 'checking') void session.refreshNow().then((token) => setStatus(token ? 'signed-in' : 'signed-out'));
    return session.subscribe((token) => {
      if (!token) {
        localStorage.removeItem(SIGNED_IN_HINT);
        setStatus('signed-out');
      }
    });
  }, []);

  const entered = useCallback(() => {
    setNotice(null);
    localStorage.setItem(SIGNED_IN_HINT, '1');
    setStatus('signed-in');
  }, []);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const challenge = await apiSignIn(email, password);
      if (!challenge) entered();
      return challenge;
    },
    [entered],
  );

  const completeMfa = useCallback(
    async (mfaToken: string, proof: { code: string } | { recoveryCode: string }) => {
      await verifyMfa(mfaToken, proof);
      entered();
    },
    [entered],
  );

  const [notice, setNotice] = useState<string | null>(null);
  const forget = useCallback((why: string) => {
    setNotice(why);
    session.clear();
    localStorage.removeItem(SIGNED_IN_HINT);
    queries.clear();
    setStatus('signed-out');
  }, [queries]);

  const signOut = useCallback(async () => {
    await apiSignOut();
    localStorage.removeItem(SIGNED_IN_HINT);
    queries.clear();
    setStatus('signed-out');
  }, [queries]);

  return <AuthContext.Provider value={{ status, signIn, completeMfa, signOut, forget, notice }}>{children}</AuthContext.Provider>;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'checking') return <Loading label="Signing you in…" />;
  // Where the person was going (path and query), so signing in lands there rather than on the dashboard.
  if (status === 'signed-out') return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <>{children}</>;
}

/** Where to go once signed in: the page that sent the person to sign in, else the dashboard. */
export function destinationOf(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  // Only a path of this console: never another origin, never back to a sign-in page.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !/^\/(sign-in|sign-up)\b/.test(from) ? from : '/dashboard';
}

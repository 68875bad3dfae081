import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginResponse, MemberResponse, SecondFactorChallengeResponse, TokenPairResponse } from '@lcc/contracts';
import { isLanguage, setLanguage } from '../i18n';
import { api, onSession, refreshSession, setSession } from './client';

type SessionState =
  | { status: 'loading'; member: null }
  | { status: 'anonymous'; member: null }
  | { status: 'signed_in'; member: MemberResponse };

interface SessionContext {
  state: SessionState;
  /** The signed-in member, or the challenge of a second factor that must follow (no session yet). */
  signIn(email: string, password: string): Promise<MemberResponse | SecondFactorChallengeResponse>;
  signOut(): Promise<void>;
  /** Replaces the signed-in member after a profile change. */
  updateMember(member: MemberResponse): void;
}

const Context = createContext<SessionContext | null>(null);

/** Keeps the access token in memory, renews it a minute before it expires, and restores a session from the cookie. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading', member: null });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let languageOf: string | null = null;
    const stop = onSession((pair: TokenPairResponse | null) => {
      clearTimeout(timer);
      if (!pair) {
        languageOf = null;
        setState({ status: 'anonymous', member: null });
        return;
      }
      // The member's saved language follows them to any browser: applied once per sign-in (or restored session),
      // not at each renewal, so it never switches the page under them.
      if (languageOf !== pair.member.id) {
        languageOf = pair.member.id;
        if (isLanguage(pair.member.language)) void setLanguage(pair.member.language);
      }
      setState({ status: 'signed_in', member: pair.member });
      timer = setTimeout(() => void refreshSession(), Math.max(10, pair.expiresIn - 60) * 1000);
    });
    void refreshSession();
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const answer = await api<LoginResponse>('/auth/login', { method: 'POST', body: { email, password } });
    if ('challengeToken' in answer) return answer;
    setSession(answer);
    return answer.member;
  }, []);

  const signOut = useCallback(async () => {
    await api('/auth/logout', { method: 'POST', body: {} }).catch(() => undefined);
    setSession(null);
  }, []);

  const updateMember = useCallback((member: MemberResponse) => {
    setState({ status: 'signed_in', member });
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, updateMember }), [state, signIn, signOut, updateMember]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** The signed-in member; only for pages behind `RequireMember`. */
export function useMember(): MemberResponse {
  const { state } = useSession();
  if (state.status !== 'signed_in') throw new Error('useMember without a session');
  return state.member;
}

import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/auth.ts';
import { padan } from '../../api.ts';

/**
 * The signed-in session (role decides what a page offers). Pages are mounted inside the
 * SessionGate, so a session exists; the engine still checks every call's role itself.
 */
export function useSession(): SessionInfo | null {
  const [session, setSession] = useState<SessionInfo | null>(null);
  useEffect(() => {
    let live = true;
    void padan.auth.status({}).then((r) => {
      if (live && r.ok) setSession(r.value.session);
    });
    return () => {
      live = false;
    };
  }, []);
  return session;
}

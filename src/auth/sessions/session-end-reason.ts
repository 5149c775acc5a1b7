/**
 * Why a session was ended by someone other than its holder (`sessions.end_reason`). The holder's
 * next request answers UNAUTHENTICATED with the sentence of its reason (and `extensions.sessionEnded`),
 * so the sign-in page can say what happened rather than a bare "sign in again".
 */
export enum SessionEndReason {
  ADMIN_2FA_RESET = 'ADMIN_2FA_RESET',
  ADMIN_SIGN_OUT = 'ADMIN_SIGN_OUT',
  DEACTIVATED = 'DEACTIVATED',
}

/** The generic sentence: ended by its holder, by expiry or idleness, by a password change. */
export const SESSION_ENDED = 'Your session has ended; sign in again';

const SENTENCES: Record<SessionEndReason, string> = {
  [SessionEndReason.ADMIN_2FA_RESET]:
    'An administrator reset your two-factor authentication and signed you out everywhere. Sign in with your password, then set up two-factor authentication again.',
  [SessionEndReason.ADMIN_SIGN_OUT]: 'An administrator signed you out everywhere. Sign in again to continue.',
  [SessionEndReason.DEACTIVATED]: 'An administrator deactivated your account and signed you out. Ask your administrator if you need access.',
};

export function sessionEndedSentence(reason: string | null | undefined): string {
  return (reason && SENTENCES[reason as SessionEndReason]) || SESSION_ENDED;
}

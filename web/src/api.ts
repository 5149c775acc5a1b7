/**
 * The one way the pages talk to the service: POST /graphql, JSON, same-origin. The session rides
 * in its HttpOnly cookie (set by every sign-in, cleared by logout): no token is kept in browser
 * storage, where any script on the page could read it, and a new tab is signed in as well.
 */
import type { TypedDocumentString } from './gql/graphql';
import { sessionNotice } from './session-notice';

/** Whether the pages believe a session is open: an UNAUTHENTICATED answer then means it ended. */
export const session = {
  active: false,
  clear(): void {
    session.active = false;
  },
};

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryAfterSeconds?: number,
    /** The error's other `extensions` (reason, attemptsLeft, lockedUntil, resendAvailableAt…). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface GqlError {
  message: string;
  extensions?: { code?: string; retryAfterSeconds?: number; [key: string]: unknown };
}

/** The result and variables types of a generated document: `ResultOf<typeof ME>`. */
export type ResultOf<D> = D extends TypedDocumentString<infer R, infer _V> ? R : never;
export type VariablesOf<D> = D extends TypedDocumentString<infer _R, infer V> ? V : never;

/** The variables argument of `gql()`: required when the operation declares a required variable. */
export type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/**
 * Runs one generated document (`ops.ts`): the variables are checked against the operation and the
 * result has the operation's generated type.
 */
export async function gql<R, V>(document: TypedDocumentString<R, V>, ...[variables]: VariablesArg<V>): Promise<R> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      // application/json is also what Apollo's CSRF prevention asks of a cookie-carrying request.
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ query: String(document), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError('The service cannot be reached. Check your connection and try again.', 'NETWORK');
  }
  let body: { data?: R; errors?: GqlError[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The service answered with an error (HTTP ${res.status}). Try again.`, 'HTTP');
  }
  const err = body.errors?.[0];
  if (err) {
    const code = err.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    // The server says why a session ended (an admin reset, "sign out everywhere"): the sign-in page tells the person.
    if (code === 'UNAUTHENTICATED' && err.extensions?.sessionEnded) sessionNotice.set(err.message);
    if (code === 'UNAUTHENTICATED' && session.active && !/Invalid email or password/.test(err.message)) onSessionEnded();
    // The policy's grace ended while a page was open: the session may only enrol now.
    if (code === 'TWO_FACTOR_ENROLLMENT_REQUIRED') enrollmentRequiredHandler();
    throw new ApiError(err.message, code, err.extensions?.retryAfterSeconds, err.extensions ?? {});
  }
  return body.data as R;
}

let sessionEndedHandler: () => void = () => undefined;
let enrollmentRequiredHandler: () => void = () => undefined;
export function onEnrollmentRequired(handler: () => void): void {
  enrollmentRequiredHandler = handler;
}

export function onSessionEnd(handler: () => void): void {
  sessionEndedHandler = handler;
}
function onSessionEnded() {
  session.clear();
  sessionEndedHandler();
}

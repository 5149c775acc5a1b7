/**
 * Who is calling and from where, as plain types: services import these, never the decorators
 * (which reach into @nestjs/graphql and express).
 */

/** What the auth guard attaches to the request. */
export interface AuthContext {
  userId: string;
  role: string;
  sessionId: string;
  /** When the session last proved the password or a factor (login or reauthenticate). */
  recentAuthAt: Date;
}

/** Recorded with security events. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

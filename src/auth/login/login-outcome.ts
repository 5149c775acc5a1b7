import { TwoFactorMethod } from '../../two-factor';
import { UserEntity } from '../../users/user.entity';


/** A finished sign-in. */
export interface SessionResult {
  kind: 'session';
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

/** The password (or SSO) step passed; a second factor is still owed. */
export interface ChallengeResult {
  kind: 'challenge';
  challengeToken: string;
  methods: TwoFactorMethod[];
  expiresAt: Date;
}

export type LoginOutcome = SessionResult | ChallengeResult;


/**
 * Work that must happen only once the second factor is proven, carried by the challenge
 * (e.g. linking an SSO identity after `bindSsoAccount`). `kind` names a handler registered by
 * a module above auth (see PendingActionRegistry); `payload` is plain JSON.
 */
export interface PendingAction {
  kind: string;
  payload: Record<string, unknown>;
}

import { TwoFactorMethod } from '../../two-factor';
import { UserEntity } from '../../users/user.entity';


/** A finished sign-in. */
export interface SessionResult {
  kind: 'session';
  token: string;
  expiresAt: Date;
  user: UserEntity;
  /** After a sign-in with a backup code: the unused codes left. */
  backupCodesRemaining?: number;
}

/** The password (or SSO) step passed; a second factor is still owed. */
export interface ChallengeResult {
  kind: 'challenge';
  challengeToken: string;
  methods: TwoFactorMethod[];
  expiresAt: Date;
  /** Wrong codes this challenge takes before it stops (its own 5, fewer when the account is close to its lock). */
  attemptsLeft: number;
  /** While the account's code checks are locked: until when (every method is refused until then). */
  lockedUntil: Date | null;
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

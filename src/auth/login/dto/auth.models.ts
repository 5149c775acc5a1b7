import type { Request } from 'express';
import { markSignedIn } from '../../../common/auth/decorators';
import { Field, Int, ObjectType, createUnionType, registerEnumType } from '@nestjs/graphql';
import { UserModel } from '../../../users/dto/user.model';
import { TwoFactorMethod } from '../../../two-factor';
import { LoginOutcome } from '../login-outcome';

registerEnumType(TwoFactorMethod, { name: 'TwoFactorMethod' });

@ObjectType('AuthSession')
export class AuthSessionModel {
  @Field() token: string;
  @Field() expiresAt: Date;
  @Field(() => UserModel) user: UserModel;
  @Field(() => Int, { nullable: true, description: 'after a sign-in with a backup code: how many unused backup codes are left; else null' })
  backupCodesRemaining: number | null;
}

@ObjectType('TwoFactorChallenge')
export class TwoFactorChallengeModel {
  @Field() challengeToken: string;
  @Field(() => [TwoFactorMethod], { description: 'enabled methods, plus BACKUP_CODE while any remain' })
  methods: TwoFactorMethod[];
  @Field() expiresAt: Date;
  @Field(() => Int, { description: 'wrong codes this challenge takes before it is stopped (5, fewer when the account is close to its lock; 0 while locked)' })
  attemptsLeft: number;
  @Field(() => Date, { nullable: true, description: "set while the account's code checks are locked: every method answers TOO_MANY_ATTEMPTS until then (an administrator can unlock it sooner)" })
  lockedUntil: Date | null;
}

export const LoginResultUnion = createUnionType({
  name: 'LoginResult',
  types: () => [AuthSessionModel, TwoFactorChallengeModel] as const,
  resolveType: (value) => (value instanceof TwoFactorChallengeModel ? TwoFactorChallengeModel : AuthSessionModel),
});

/** `req`: the request that signed in; its answer may then show the user's own `security`. */
export function toLoginResultModel(outcome: LoginOutcome, req?: Request): AuthSessionModel | TwoFactorChallengeModel {
  if (outcome.kind === 'challenge') {
    return Object.assign(new TwoFactorChallengeModel(), {
      challengeToken: outcome.challengeToken, methods: outcome.methods, expiresAt: outcome.expiresAt, attemptsLeft: outcome.attemptsLeft, lockedUntil: outcome.lockedUntil,
    });
  }
  markSignedIn(req, outcome.user.id);
  return Object.assign(new AuthSessionModel(), {
    token: outcome.token, expiresAt: outcome.expiresAt, user: UserModel.from(outcome.user), backupCodesRemaining: outcome.backupCodesRemaining ?? null,
  });
}

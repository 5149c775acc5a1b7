import { Field, ObjectType, createUnionType, registerEnumType } from '@nestjs/graphql';
import { UserModel } from '../../users/dto/user.model';
import { LoginOutcome, TwoFactorMethod } from '../login-outcome';

registerEnumType(TwoFactorMethod, { name: 'TwoFactorMethod' });

@ObjectType('AuthSession')
export class AuthSessionModel {
  @Field() token: string;
  @Field() expiresAt: Date;
  @Field(() => UserModel) user: UserModel;
}

@ObjectType('TwoFactorChallenge')
export class TwoFactorChallengeModel {
  @Field() challengeToken: string;
  @Field(() => [TwoFactorMethod], { description: 'enabled methods, plus BACKUP_CODE while any remain' })
  methods: TwoFactorMethod[];
  @Field() expiresAt: Date;
}

export const LoginResultUnion = createUnionType({
  name: 'LoginResult',
  types: () => [AuthSessionModel, TwoFactorChallengeModel] as const,
  resolveType: (value) => (value instanceof TwoFactorChallengeModel ? TwoFactorChallengeModel : AuthSessionModel),
});

export function toLoginResultModel(outcome: LoginOutcome): AuthSessionModel | TwoFactorChallengeModel {
  if (outcome.kind === 'challenge') {
    return Object.assign(new TwoFactorChallengeModel(), { challengeToken: outcome.challengeToken, methods: outcome.methods, expiresAt: outcome.expiresAt });
  }
  return Object.assign(new AuthSessionModel(), { token: outcome.token, expiresAt: outcome.expiresAt, user: UserModel.from(outcome.user) });
}

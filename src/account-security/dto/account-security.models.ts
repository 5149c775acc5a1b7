import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SsoConnectionModel } from '../../sso/dto/sso.models';
import { UserModel } from '../../users/dto/user.model';

@ObjectType('TwoFactorMethodState')
export class TwoFactorMethodStateModel {
  @Field() enabled: boolean;
  @Field(() => Date, { nullable: true }) enabledAt: Date | null;
}

@ObjectType('BackupCodesState')
export class BackupCodesStateModel {
  @Field(() => Int) total: number;
  @Field(() => Int) remaining: number;
  @Field(() => Date, { nullable: true }) generatedAt: Date | null;
}

@ObjectType('AccountSecurity')
export class AccountSecurityModel {
  /** Whose state this is: lets the ssoConnections field batch by user. */
  userId: string;
  @Field({ description: 'true when EMAIL, TOTP or WEBAUTHN is enabled' }) twoFactorEnabled: boolean;
  @Field(() => TwoFactorMethodStateModel) email: TwoFactorMethodStateModel;
  @Field(() => TwoFactorMethodStateModel) totp: TwoFactorMethodStateModel;
  @Field(() => TwoFactorMethodStateModel, { description: 'on while at least one passkey or security key is registered' }) webauthn: TwoFactorMethodStateModel;
  @Field(() => BackupCodesStateModel) backupCodes: BackupCodesStateModel;
  @Field(() => [SsoConnectionModel]) ssoConnections: SsoConnectionModel[];
  @Field(() => Date, { nullable: true, description: 'last successful second-factor check' }) lastTwoFactorAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'set while code checks answer TOO_MANY_ATTEMPTS' }) lockedUntil: Date | null;
  @Field({ description: "the security policy requires 2FA for this user's role" }) twoFactorRequired: boolean;
  @Field(() => Date, { nullable: true, description: 'required, not yet enrolled with an allowed method: after this the sessions may only enrol' })
  enrollmentDeadline: Date | null;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('SecurityEvent')
export class SecurityEventModel {
  @Field(() => ID) id: string;
  @Field() type: string;
  @Field() createdAt: Date;
  userId: string;
  actorId: string | null;
  @Field(() => String, { nullable: true }) ip: string | null;
  @Field(() => String, { nullable: true }) userAgent: string | null;
  @Field(() => String, { nullable: true }) detail: string | null;
  // user / actor are resolved by SecurityEventResolver
  user?: UserModel;
  actor?: UserModel | null;
}

@ObjectType('SecurityEventEdge')
export class SecurityEventEdgeModel {
  @Field() cursor: string;
  @Field(() => SecurityEventModel) node: SecurityEventModel;
}

@ObjectType('SecurityEventConnection')
export class SecurityEventConnectionModel {
  @Field(() => [SecurityEventEdgeModel]) edges: SecurityEventEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

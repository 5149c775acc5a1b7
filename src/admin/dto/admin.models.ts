import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../../account-security/dto/account-security.models';
import { UserModel } from '../../users/dto/user.model';

@ObjectType('UserEdge')
export class UserEdgeModel {
  @Field() cursor: string;
  @Field(() => UserModel) node: UserModel;
}

@ObjectType('UserConnection')
export class UserConnectionModel {
  @Field(() => [UserEdgeModel]) edges: UserEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int) totalCount: number;
}

@ObjectType('SsoProviderCount')
export class SsoProviderCountModel {
  @Field() providerId: string;
  @Field() displayName: string;
  @Field(() => Int) linkedUsers: number;
}

@ObjectType('SecurityOverview', { description: 'counts for the admin console dashboard' })
export class SecurityOverviewModel {
  @Field(() => Int) users: number;
  @Field(() => Int) twoFactorEnabled: number;
  @Field(() => Int) emailEnabled: number;
  @Field(() => Int) totpEnabled: number;
  @Field(() => Int, { description: 'accounts with at least one passkey or security key' }) webauthnEnabled: number;
  @Field(() => Int, { description: 'accounts whose code checks are locked right now' }) lockedNow: number;
  @Field(() => Int, { description: 'accounts with 2 or fewer unused backup codes' }) lowBackupCodes: number;
  @Field(() => [SsoProviderCountModel], { description: 'linked accounts per configured provider' }) ssoLinked: SsoProviderCountModel[];
  @Field(() => Int, { description: 'active accounts the policy requires 2FA of, with no allowed method on (in grace or past it)' })
  nonCompliant: number;
  @Field(() => Int, { description: 'of nonCompliant, those still before their enrolment deadline' }) inGracePeriod: number;
  @Field(() => Int) deactivated: number;
  @Field(() => Int) invited: number;
}

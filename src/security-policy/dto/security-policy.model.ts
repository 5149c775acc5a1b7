import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TwoFactorMethod } from '../../two-factor';
import { UserModel } from '../../users/dto/user.model';
import { Role } from '../../users/role.enum';

@ObjectType('SecurityPolicy')
export class SecurityPolicyModel {
  @Field(() => [Role], { description: 'roles that must use two-factor authentication' }) requireTwoFactor: Role[];
  @Field(() => Int, { description: 'days an account has to enrol once 2FA is required (0–90)' }) gracePeriodDays: number;
  @Field(() => [TwoFactorMethod], { description: 'methods that may be set up and used; BACKUP_CODE is always a fallback, never listed' })
  allowedMethods: TwoFactorMethod[];
  @Field(() => [Role], { description: 'these roles may use only WEBAUTHN (plus backup codes)' }) phishingResistantFor: Role[];
  @Field(() => Int, { nullable: true, description: 'null: none; 5–1440 (enforced by a later release)' }) sessionIdleMinutes: number | null;
  @Field(() => Int, { description: '1–720 (enforced by a later release)' }) sessionMaxHours: number;
  @Field(() => Int, { description: '0–90; 0 turns trusted devices off (enforced by a later release)' }) trustedDeviceDays: number;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
  @Field(() => UserModel, { nullable: true }) updatedBy: UserModel | null;
}

@ObjectType('SecurityPolicyImpact', { description: 'what saving a policy would mean, before it is saved' })
export class SecurityPolicyImpactModel {
  @Field(() => Int, { description: 'active accounts that would have to set up an allowed method' }) nonCompliant: number;
  @Field(() => Int, { description: 'of them, those whose deadline would be past at once: limited to enrolment' }) restrictedAtOnce: number;
  @Field(() => Date, { nullable: true, description: 'the earliest enrolment deadline; newer accounts get theirs from their creation' })
  deadline: Date | null;
}

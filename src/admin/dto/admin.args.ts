import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { TwoFactorMethod } from '../../two-factor';
import { SortDirection, UserSortField } from '../../users/user-sort';
import { UserStatus } from '../../users/user-status.enum';

/** The methods the admin list filters on: the primary ones of TwoFactorMethod (one representation). */
export const EnabledMethodFilter = { EMAIL: TwoFactorMethod.EMAIL, TOTP: TwoFactorMethod.TOTP, WEBAUTHN: TwoFactorMethod.WEBAUTHN } as const;
export type EnabledMethodFilter = (typeof EnabledMethodFilter)[keyof typeof EnabledMethodFilter];
registerEnumType(EnabledMethodFilter, { name: 'EnabledMethodFilter' });

registerEnumType(UserSortField, { name: 'UserOrderField' });
registerEnumType(SortDirection, { name: 'OrderDirection' });

@InputType('UserOrder', { description: 'how the admin list is sorted; the id breaks ties in the same direction' })
export class UserOrderInput {
  @Field(() => UserSortField, { description: 'LAST_LOGIN_AT: accounts that never signed in sort below every date' })
  @IsEnum(UserSortField)
  field: UserSortField;

  @Field(() => SortDirection)
  @IsEnum(SortDirection)
  direction: SortDirection;
}

@ArgsType()
export class UsersArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 100' })
  @Max(100, { message: 'first must be between 1 and 100' })
  first: number = 50;

  /** Longer than PageArgs' 200: a cursor of a sort by email carries the email. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string | null;

  @Field(() => UserOrderInput, { nullable: true, description: 'absent: oldest first (CREATED_AT ASC)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserOrderInput)
  orderBy?: UserOrderInput | null;

  @Field(() => String, { nullable: true, description: 'any part of the email or display name, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  search?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  twoFactorEnabled?: boolean | null;

  @Field(() => EnabledMethodFilter, { nullable: true, description: 'only accounts with this method on' })
  @IsOptional()
  @IsEnum(EnabledMethodFilter)
  method?: EnabledMethodFilter | null;

  @Field(() => ID, { nullable: true, description: 'only accounts linked to this SSO provider' })
  @IsOptional()
  @IsUUID('all', { message: 'ssoProviderId is not a valid id' })
  ssoProviderId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'only accounts whose code checks are locked now (or not)' })
  @IsOptional()
  @IsBoolean()
  locked?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'only accounts with at most this many unused backup codes' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  backupCodesRemainingAtMost?: number | null;

  @Field(() => UserStatus, { nullable: true })
  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false: the policy requires 2FA for the role and no allowed method is on (in grace or past it); true: the others',
  })
  @IsOptional()
  @IsBoolean()
  twoFactorCompliant?: boolean | null;
}

@ArgsType()
export class UserIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId is not a valid id' })
  userId: string;
}

@ArgsType()
export class UserByIdArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(64)
  id: string;
}

@ArgsType()
export class ResetTwoFactorArgs extends UserIdArgs {
  @Field()
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters' })
  reason: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'also remove every SSO link of the account (a hijacked identity)' })
  @IsOptional()
  @IsBoolean()
  unlinkSso?: boolean | null;
}

@ArgsType()
export class UnlinkUserProviderArgs extends UserIdArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  providerId: string;

  /** Shorter than a reset's: the event detail (500) also names the provider. */
  @Field()
  @IsString()
  @Length(3, 400, { message: 'reason must be 3 to 400 characters' })
  reason: string;
}

import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional } from 'class-validator';
import { TwoFactorMethod } from '../../two-factor';
import { Role } from '../../users/role.enum';

/** Every field optional: absent keeps the value. Ranges are checked by the service (one place). */
@InputType('SecurityPolicyInput')
export class SecurityPolicyInput {
  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(Role, { each: true })
  requireTwoFactor?: Role[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  gracePeriodDays?: number | null;

  @Field(() => [TwoFactorMethod], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(TwoFactorMethod, { each: true })
  allowedMethods?: TwoFactorMethod[] | null;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(Role, { each: true })
  phishingResistantFor?: Role[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  sessionIdleMinutes?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: no idle limit (sessionIdleMinutes null)' })
  @IsOptional()
  @IsBoolean()
  clearSessionIdle?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  sessionMaxHours?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  trustedDeviceDays?: number | null;
}

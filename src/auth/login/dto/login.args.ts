import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { TwoFactorMethod } from '../../../two-factor';

@ArgsType()
export class LoginArgs {
  @Field()
  @IsString()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email: string;

  @Field()
  @IsString()
  @MaxLength(128, { message: 'password must be at most 128 characters' })
  password: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MaxLength(128)
  currentPassword: string;

  @Field()
  @IsString()
  @MaxLength(128, { message: 'newPassword must be at most 128 characters' })
  newPassword: string;
}

@ArgsType()
export class ChallengeArgs {
  @Field()
  @IsString()
  @MaxLength(128, { message: 'challengeToken is not valid' })
  challengeToken: string;
}

@ArgsType()
export class VerifyCodeArgs extends ChallengeArgs {
  @Field(() => TwoFactorMethod)
  @IsEnum(TwoFactorMethod)
  method: TwoFactorMethod;

  @Field()
  @IsString()
  @MaxLength(32, { message: 'code is too long' })
  code: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'remember this browser: later password logins from it skip the second factor (trustedDeviceDays)' })
  @IsOptional()
  @IsBoolean()
  rememberDevice?: boolean | null;
}


@ArgsType()
export class ReauthenticateArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  password?: string | null;

  @Field(() => TwoFactorMethod, { nullable: true })
  @IsOptional()
  @IsEnum(TwoFactorMethod)
  method?: TwoFactorMethod | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(32, { message: 'code is too long' })
  code?: string | null;
}

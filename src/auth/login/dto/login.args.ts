import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength, ValidateBy, ValidationArguments } from 'class-validator';
import { TwoFactorMethod } from '../../../two-factor';

/**
 * A code is at most 32 characters, except for WEBAUTHN, whose "code" is the
 * AuthenticationResponseJSON (a few KB; 16 KiB at most).
 */
function IsCodeForMethod() {
  return ValidateBy({
    name: 'isCodeForMethod',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value !== 'string' || value.length <= ((args?.object as { method?: TwoFactorMethod }).method === TwoFactorMethod.WEBAUTHN ? 16_384 : 32),
      defaultMessage: () => 'code is too long',
    },
  });
}

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

  @Field({ description: 'the code; for WEBAUTHN the AuthenticationResponseJSON as a string' })
  @IsString()
  @IsCodeForMethod()
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

  @Field(() => String, { nullable: true, description: 'with method; for WEBAUTHN the AuthenticationResponseJSON as a string' })
  @IsOptional()
  @IsString()
  @IsCodeForMethod()
  code?: string | null;
}

@ArgsType()
export class FinishPasskeyLoginArgs {
  @Field()
  @IsString()
  @MaxLength(128, { message: 'loginToken is not valid' })
  loginToken: string;

  @Field({ description: 'AuthenticationResponseJSON (PublicKeyCredential.toJSON()) as a string' })
  @IsString()
  @MaxLength(16384, { message: 'response is too long' })
  response: string;
}

import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Role } from '../../users/role.enum';

@ArgsType()
export class RequestPasswordResetArgs {
  /** Not checked as an address: any string answers `true`, like an unknown account. */
  @Field()
  @IsString()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email: string;
}

@ArgsType()
export class ResetPasswordArgs {
  /** Any string: a malformed link answers CODE_EXPIRED like any other bad one (the service decides). */
  @Field()
  @IsString()
  @MaxLength(512, { message: 'token is not valid' })
  token: string;

  /** Policy (length, common passwords) is checked by the service; this only bounds the size. */
  @Field()
  @IsString()
  @MaxLength(128, { message: 'newPassword must be at most 128 characters' })
  newPassword: string;
}

@ArgsType()
export class ResetUserIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId is not a valid id' })
  userId: string;
}

@InputType()
export class InviteUserInput {
  @Field()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters' })
  displayName: string;

  @Field(() => Role, { nullable: true, defaultValue: Role.AGENT })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}

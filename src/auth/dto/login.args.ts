import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

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

import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Role } from '../role.enum';

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters' })
  displayName: string;

  /** Policy (length, common passwords) is checked by the service; this only bounds the size. */
  @Field()
  @IsString()
  @MaxLength(128, { message: 'password must be at most 128 characters' })
  password: string;

  @Field(() => Role, { nullable: true, defaultValue: Role.AGENT })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}

import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class CodeArgs {
  @Field()
  @IsString()
  @MaxLength(32, { message: 'code is too long' })
  code: string;
}

@ArgsType()
export class FinishWebAuthnRegistrationArgs {
  @Field({ description: 'RegistrationResponseJSON (PublicKeyCredential.toJSON()) as a string' })
  @IsString()
  @MaxLength(16384, { message: 'response is too long' })
  response: string;

  @Field({ description: 'what the user calls it ("YubiKey 5", "Work laptop"), at most 64 characters' })
  @IsString()
  @IsNotEmpty({ message: 'Give the passkey or security key a name' })
  @MaxLength(64, { message: 'name must be at most 64 characters' })
  name: string;
}

@ArgsType()
export class WebAuthnCredentialArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(36, { message: 'id is not valid' })
  id: string;
}

@ArgsType()
export class RenameWebAuthnCredentialArgs extends WebAuthnCredentialArgs {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'Give the passkey or security key a name' })
  @MaxLength(64, { message: 'name must be at most 64 characters' })
  name: string;
}

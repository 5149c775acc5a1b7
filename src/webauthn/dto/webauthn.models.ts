import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { WebAuthnCredentialEntity } from '../webauthn-credential.entity';

@ObjectType('WebAuthnCredential')
export class WebAuthnCredentialModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field({ description: 'discoverable: usable for passwordless sign-in' }) passkey: boolean;

  static from(c: WebAuthnCredentialEntity): WebAuthnCredentialModel {
    return Object.assign(new WebAuthnCredentialModel(), { id: c.id, name: c.name, createdAt: c.createdAt, lastUsedAt: c.lastUsedAt, passkey: c.passkey });
  }
}

@ObjectType('PasskeyLoginStart')
export class PasskeyLoginStartModel {
  @Field({ description: 'names this ceremony in finishPasskeyLogin; only whoever began it can finish it' }) loginToken: string;
  @Field({ description: 'PublicKeyCredentialRequestOptionsJSON' }) options: string;
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { SsoProviderKind } from '../sso-provider-kind';

@InputType()
export class SsoProviderInput {
  @Field(() => ID, { nullable: true, description: 'absent: create; present: update' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  id?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'create only: the id to create the provider with, from `ssoProviderDraft` (its redirect URI was shown before saving)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  newId?: string | null;

  @Field(() => SsoProviderKind)
  @IsEnum(SsoProviderKind)
  kind: SsoProviderKind;

  @Field()
  @IsString()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters' })
  displayName: string;

  @Field()
  @IsString()
  @Length(1, 255, { message: 'clientId must be 1 to 255 characters' })
  clientId: string;

  @Field(() => String, { nullable: true, description: 'required on create; absent on update keeps the stored one' })
  @IsOptional()
  @IsString()
  @Length(1, 2000, { message: 'clientSecret must be 1 to 2000 characters' })
  clientSecret?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'GOOGLE: https://accounts.google.com; OFFICE365: from tenant; OIDC: required. https only, except loopback hosts.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'issuer must be at most 500 characters' })
  issuer?: string | null;

  @Field(() => String, { nullable: true, description: 'OFFICE365 only: common | organizations | a tenant id' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tenant?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'true: enabled if its discovery document answers at save time; else saved disabled with `discoveryProblem`',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: "true (default): SSO login also asks for the account's own 2FA" })
  @IsOptional()
  @IsBoolean()
  requireTwoFactor?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'OFFICE365 with common/organizations: accept only these tids (empty: any)' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  allowedTenants?: string[] | null;
}

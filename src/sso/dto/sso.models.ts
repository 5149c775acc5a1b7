import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SsoProviderKind } from '../sso-provider-kind';
import type { ProviderView } from '../sso-providers.service';

registerEnumType(SsoProviderKind, { name: 'SsoProviderKind' });

/** A provider as the login page and the settings page see it. */
@ObjectType('SsoProvider')
export class SsoProviderModel {
  @Field(() => ID) id: string;
  @Field(() => SsoProviderKind) kind: SsoProviderKind;
  @Field() displayName: string;

  static from(p: { id: string; kind: SsoProviderKind; displayName: string }): SsoProviderModel {
    return Object.assign(new SsoProviderModel(), { id: p.id, kind: p.kind, displayName: p.displayName });
  }
}

const EMAIL_VERIFIED = 'the provider vouches for `email` (`email_verified`; Office 365: a UPN of the tenant); false: show it as unverified';

@ObjectType('SsoConnection')
export class SsoConnectionModel {
  @Field(() => SsoProviderModel) provider: SsoProviderModel;
  @Field(() => String, { nullable: true, description: 'the `email` claim, else `preferred_username`' })
  email: string | null;
  @Field({ description: EMAIL_VERIFIED }) emailVerified: boolean;
  @Field() linkedAt: Date;

  static from(c: { provider: { id: string; kind: SsoProviderKind; displayName: string }; email: string | null; emailVerified: boolean; linkedAt: Date }): SsoConnectionModel {
    return Object.assign(new SsoConnectionModel(), {
      provider: SsoProviderModel.from(c.provider),
      email: c.email,
      emailVerified: c.emailVerified,
      linkedAt: c.linkedAt,
    });
  }
}

/** What the bind page shows before asking for a password: which identity would be connected. */
@ObjectType('SsoTicketInfo')
export class SsoTicketInfoModel {
  @Field(() => SsoProviderModel) provider: SsoProviderModel;
  @Field(() => String, { nullable: true, description: 'the `email` claim, else `preferred_username`' })
  email: string | null;
  @Field({ description: EMAIL_VERIFIED }) emailVerified: boolean;

  static from(t: { provider: { id: string; kind: SsoProviderKind; displayName: string }; email: string | null; emailVerified: boolean }): SsoTicketInfoModel {
    return Object.assign(new SsoTicketInfoModel(), { provider: SsoProviderModel.from(t.provider), email: t.email, emailVerified: t.emailVerified });
  }
}

/** The admin's view of a provider; the client secret is never returned. */
@ObjectType('SsoProviderConfig')
export class SsoProviderConfigModel {
  @Field(() => ID) id: string;
  @Field(() => SsoProviderKind) kind: SsoProviderKind;
  @Field() displayName: string;
  @Field() clientId: string;
  @Field() issuer: string;
  @Field(() => String, { nullable: true }) tenant: string | null;
  @Field() enabled: boolean;
  @Field() requireTwoFactor: boolean;
  @Field({ description: 'what the admin registers at the provider' }) redirectUri: string;
  @Field(() => [String], { description: 'OFFICE365 common/organizations: accepted tenant ids (empty: any)' })
  allowedTenants: string[];
  @Field(() => String, {
    nullable: true,
    description: 'why the last save could not enable the provider (its discovery document did not answer or does not fit); null when the check passed or did not run',
  })
  discoveryProblem: string | null;
  @Field(() => Int, { description: 'accounts linked to this provider (removing it unlinks them)' })
  linkedAccounts: number;

  static from(v: ProviderView, linkedAccounts: number): SsoProviderConfigModel {
    return Object.assign(new SsoProviderConfigModel(), {
      id: v.id,
      kind: v.kind,
      displayName: v.displayName,
      clientId: v.clientId,
      issuer: v.issuer,
      tenant: v.tenant,
      enabled: v.enabled,
      requireTwoFactor: v.requireTwoFactor,
      redirectUri: v.redirectUri,
      allowedTenants: v.allowedTenants,
      discoveryProblem: v.discoveryProblem,
      linkedAccounts,
    });
  }
}

/** A provider not saved yet: its id and the redirect URI to register at the provider first. */
@ObjectType('SsoProviderDraft')
export class SsoProviderDraftModel {
  @Field(() => ID, { description: 'pass as `SsoProviderInput.newId` when saving' }) id: string;
  @Field({ description: 'what the admin registers at the provider, before saving' }) redirectUri: string;
}

/** What the provider vouched for in an admin's "Test sign-in" (nobody was signed in, nothing linked). */
@ObjectType('SsoTestResult')
export class SsoTestResultModel {
  @Field(() => SsoProviderModel) provider: SsoProviderModel;
  @Field({ description: 'the identity key: `sub` (Office 365: tid + oid)' }) subject: string;
  @Field(() => String, { nullable: true, description: 'the `email` claim, else `preferred_username`' }) email: string | null;
  @Field({ description: EMAIL_VERIFIED }) emailVerified: boolean;
}

@ObjectType('SsoRedirect')
export class SsoRedirectModel {
  @Field() authorizationUrl: string;
}

import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { randomBytes, randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { AuthenticationResponseJSON, AuthenticatorTransport, RegistrationResponseJSON } from '@simplewebauthn/server';
import { Clock } from '../common/clock/clock';
import { sha256 } from '../common/crypto/tokens';
import { validationError } from '../common/errors/domain-error';
import { webauthnConfig } from '../config/webauthn.config';
import { Db, TransactionHost } from '../database/transactions';
import { TwoFactorError, TwoFactorService } from '../two-factor';
import { CeremonyPurpose, WebAuthnChallengeEntity } from './webauthn-challenge.entity';
import { WebAuthnCredentialEntity } from './webauthn-credential.entity';
import { WebAuthnError } from './webauthn.errors';

/** Who a ceremony belongs to: the finishing request must name the same. */
export interface CeremonyBinding {
  userId?: string | null;
  sessionId?: string | null;
  loginChallengeId?: string | null;
  loginTokenHash?: string | null;
}

/** A registration that verified, ready to be stored in the caller's transaction. */
export interface VerifiedRegistration {
  ceremonyId: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  userHandle: string;
  passkey: boolean;
  backedUp: boolean;
}

/** An assertion matched to its ceremony and credential, not yet verified. */
export interface ResolvedAssertion {
  response: AuthenticationResponseJSON;
  ceremony: WebAuthnChallengeEntity;
  credential: WebAuthnCredentialEntity;
}

/** An assertion that verified: what `consume` must make stick (single use, counter forward). */
export interface VerifiedAssertion {
  ceremonyId: string;
  credential: WebAuthnCredentialEntity;
  newCounter: number;
  userVerified: boolean;
}

const MAX_RESPONSE = 16_384;

/**
 * @simplewebauthn/server (with its ASN.1 and X.509 stack, ~70 modules) is loaded on the first
 * ceremony, not at boot: most processes never see one. CommonJS output: this is a `require`,
 * cached by Node after the first call.
 */
const webauthnLib = () => import('@simplewebauthn/server');

/**
 * The WebAuthn ceremonies on @simplewebauthn/server: options out, responses verified against a
 * challenge stored (hashed) in the database and bound to whoever began the ceremony, single use.
 * The credentials' life (store, rename, remove, counters). Knows nothing of sessions or GraphQL.
 */
@Injectable()
export class WebAuthnService {
  constructor(
    private readonly tx: TransactionHost<Db>,
    private readonly twoFactor: TwoFactorService,
    private readonly clock: Clock,
    @Inject(webauthnConfig.KEY) private readonly config: ConfigType<typeof webauthnConfig>,
  ) {}

  private get credentialsRepo() {
    return this.tx.tx.getRepository(WebAuthnCredentialEntity);
  }

  private get ceremonies() {
    return this.tx.tx.getRepository(WebAuthnChallengeEntity);
  }

  // ---- credentials

  list(userId: string): Promise<WebAuthnCredentialEntity[]> {
    return this.credentialsRepo.find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Every credential of these accounts, for the batched security view. */
  async listFor(userIds: readonly string[]): Promise<Map<string, WebAuthnCredentialEntity[]>> {
    const out = new Map<string, WebAuthnCredentialEntity[]>();
    if (!userIds.length) return out;
    const rows = await this.credentialsRepo
      .createQueryBuilder('c')
      .where('c.user_id IN (:...ids)', { ids: [...new Set(userIds)] })
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r]);
    return out;
  }

  async get(userId: string, id: string): Promise<WebAuthnCredentialEntity> {
    const c = id.length <= 36 ? await this.credentialsRepo.findOneBy({ id, userId }) : null;
    if (!c) throw WebAuthnError.credentialNotFound();
    return c;
  }

  async rename(userId: string, id: string, name: string): Promise<WebAuthnCredentialEntity> {
    const c = await this.get(userId, id);
    c.name = cleanName(name);
    await this.credentialsRepo.update({ id: c.id }, { name: c.name });
    return c;
  }

  /** In the caller's transaction: the credential goes; the last one turns WEBAUTHN off. */
  async remove(userId: string, id: string): Promise<WebAuthnCredentialEntity> {
    const c = await this.get(userId, id);
    const res = await this.credentialsRepo.delete({ id: c.id, userId });
    if (!res.affected) throw WebAuthnError.credentialNotFound();
    if (!(await this.credentialsRepo.countBy({ userId }))) await this.twoFactor.setWebAuthnEnabled(userId, false);
    return c;
  }

  /** Admin reset: every credential goes (the settings row is cleared by TwoFactorService.resetAll). */
  async removeAll(userId: string): Promise<number> {
    const res = await this.credentialsRepo.delete({ userId });
    await this.ceremonies.update({ userId, consumedAt: IsNull() }, { consumedAt: this.clock.now() });
    return res.affected ?? 0;
  }

  /** In the caller's transaction: stores a verified registration and turns WEBAUTHN on. */
  async store(userId: string, reg: VerifiedRegistration, name: string): Promise<WebAuthnCredentialEntity> {
    await this.consume(reg.ceremonyId);
    if ((await this.credentialsRepo.countBy({ userId })) >= this.config.maxCredentials) throw WebAuthnError.tooManyCredentials(this.config.maxCredentials);
    if (await this.credentialsRepo.existsBy({ credentialIdHash: sha256(reg.credentialId) })) throw WebAuthnError.alreadyRegistered();
    const row = this.credentialsRepo.create({
      id: randomUUID(),
      userId,
      credentialId: reg.credentialId,
      credentialIdHash: sha256(reg.credentialId),
      publicKey: reg.publicKey,
      counter: String(reg.counter),
      transports: reg.transports.length ? reg.transports.join(',') : null,
      userHandle: reg.userHandle,
      name: cleanName(name),
      passkey: reg.passkey,
      backedUp: reg.backedUp,
      createdAt: this.clock.now(),
      lastUsedAt: null,
    });
    await this.credentialsRepo.insert(row);
    await this.twoFactor.setWebAuthnEnabled(userId, true);
    return row;
  }

  // ---- ceremonies

  /** PublicKeyCredentialCreationOptionsJSON for the account (bound to the session that asks). */
  async beginRegistration(user: { id: string; email: string; displayName: string }, sessionId: string): Promise<string> {
    const existing = await this.list(user.id);
    // One random handle per account while it holds credentials (never the email); a fresh one after the last is removed.
    const userHandle = existing[0]?.userHandle ?? randomBytes(32).toString('base64url');
    const { generateRegistrationOptions } = await webauthnLib();
    const options = await generateRegistrationOptions({
      rpName: this.config.rpName,
      rpID: this.config.rpId,
      userID: Buffer.from(userHandle, 'base64url'),
      userName: user.email,
      userDisplayName: user.displayName,
      attestationType: 'none',
      timeout: this.config.challengeTtlSeconds * 1000,
      excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: transportsOf(c) })),
      // Discoverable when the authenticator can (a passkey for passwordless sign-in); a plain
      // security key still registers as a second factor.
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await this.saveCeremony(options.challenge, CeremonyPurpose.REGISTER, { userId: user.id, sessionId }, userHandle);
    return JSON.stringify(options);
  }

  /**
   * Checks a registration response against the session's live ceremony (origin, RP id, challenge,
   * attestation `none`); the ceremony is used up by `store`, in the transaction that stores it.
   */
  async verifyRegistration(userId: string, sessionId: string, responseJson: string): Promise<VerifiedRegistration> {
    const response = parseResponse<RegistrationResponseJSON>(responseJson);
    const ceremony = await this.liveCeremony(challengeOf(response), CeremonyPurpose.REGISTER, { userId, sessionId });
    const { verifyRegistrationResponse } = await webauthnLib();
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: (c) => sha256(c) === ceremony.challengeHash,
        expectedOrigin: this.config.origin,
        expectedRPID: this.config.rpId,
        requireUserVerification: false,
      });
    } catch (e) {
      throw WebAuthnError.notVerified((e as Error).message);
    }
    if (!verification.verified || !verification.registrationInfo) throw WebAuthnError.notVerified('registration not verified');
    const info = verification.registrationInfo;
    return {
      ceremonyId: ceremony.id,
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
      counter: info.credential.counter,
      transports: (response.response.transports ?? []).filter((t) => /^[a-z-]{2,20}$/.test(t)).slice(0, 8),
      userHandle: ceremony.userHandle!,
      passkey: response.clientExtensionResults?.credProps?.rk === true,
      backedUp: info.credentialBackedUp,
    };
  }

  /**
   * PublicKeyCredentialRequestOptionsJSON. With a user: their credentials are allowed (second
   * factor, re-auth). Without: discoverable credentials only, user verification required
   * (passwordless sign-in).
   */
  async beginAuthentication(purpose: CeremonyPurpose, binding: CeremonyBinding): Promise<string> {
    const passwordless = purpose === CeremonyPurpose.PASSKEY_LOGIN;
    const creds = passwordless ? [] : await this.list(binding.userId!);
    if (!passwordless && !creds.length) throw TwoFactorError.notEnabled('A passkey or security key');
    const { generateAuthenticationOptions } = await webauthnLib();
    const options = await generateAuthenticationOptions({
      rpID: this.config.rpId,
      timeout: this.config.challengeTtlSeconds * 1000,
      allowCredentials: creds.map((c) => ({ id: c.credentialId, transports: transportsOf(c) })),
      userVerification: passwordless ? 'required' : 'preferred',
    });
    await this.saveCeremony(options.challenge, purpose, binding);
    return JSON.stringify(options);
  }

  /**
   * The ceremony an assertion answers (live, of `purpose`, bound as given: else CODE_EXPIRED, so a
   * replay ends here) and the credential it names (of `userId` when given: else INVALID_CODE).
   * No cryptography yet: the caller takes its budgets for the account first, then `checkAssertion`.
   */
  async resolveAssertion(responseJson: string, purpose: CeremonyPurpose, binding: CeremonyBinding, userId?: string): Promise<ResolvedAssertion> {
    const response = parseResponse<AuthenticationResponseJSON>(responseJson);
    const ceremony = await this.liveCeremony(challengeOf(response), purpose, binding);
    const credential = response.id.length <= 1400 ? await this.credentialsRepo.findOneBy({ credentialIdHash: sha256(response.id) }) : null;
    if (!credential || (userId && credential.userId !== userId)) throw TwoFactorError.invalidCode('unknown passkey or security key');
    return { response, ceremony, credential };
  }

  /**
   * Verifies the signature, origin, RP id, challenge and flags. Nothing is written:
   * `consumeAssertion` makes it stick. A counter that went backwards: `onCounterRegression`
   * runs, then INVALID_CODE.
   */
  async checkAssertion(
    { response, ceremony, credential }: ResolvedAssertion,
    opts: { requireUserVerification: boolean; onCounterRegression?: (c: WebAuthnCredentialEntity) => Promise<void> },
  ): Promise<VerifiedAssertion> {
    // A passwordless sign-in names its account by the user handle: it must be the credential's.
    if (ceremony.purpose === CeremonyPurpose.PASSKEY_LOGIN && response.response.userHandle !== credential.userHandle) {
      throw TwoFactorError.invalidCode('user handle does not match the passkey');
    }
    const { verifyAuthenticationResponse } = await webauthnLib();
    let verification;
    try {
      verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: (c) => sha256(c) === ceremony.challengeHash,
        expectedOrigin: this.config.origin,
        expectedRPID: this.config.rpId,
        // The stored counter is compared below, not by the library, to tell a regression apart.
        credential: { id: credential.credentialId, publicKey: Buffer.from(credential.publicKey, 'base64url'), counter: 0, transports: transportsOf(credential) },
        requireUserVerification: opts.requireUserVerification,
      });
    } catch (e) {
      throw TwoFactorError.invalidCode(`passkey assertion refused: ${(e as Error).message}`.slice(0, 200));
    }
    if (!verification.verified) throw TwoFactorError.invalidCode('passkey assertion not verified');
    const { newCounter, userVerified } = verification.authenticationInfo;
    const stored = Number(credential.counter);
    if ((newCounter > 0 || stored > 0) && newCounter <= stored) {
      await opts.onCounterRegression?.(credential);
      throw TwoFactorError.invalidCode(`signature counter went backwards (${newCounter} after ${stored})`);
    }
    return { ceremonyId: ceremony.id, credential, newCounter, userVerified };
  }

  /**
   * In the caller's transaction: the ceremony is used (one conditional UPDATE decides between
   * concurrent finishes) and the counter moves forward (conditional too: a concurrent assertion
   * with the same counter loses).
   */
  async consumeAssertion(a: VerifiedAssertion): Promise<void> {
    await this.consume(a.ceremonyId);
    const res = await this.credentialsRepo
      .createQueryBuilder()
      .update()
      .set({ counter: String(a.newCounter), lastUsedAt: this.clock.now() })
      .where('id = :id AND (counter < :n OR (counter = 0 AND :n = 0))', { id: a.credential.id, n: a.newCounter })
      .execute();
    if (res.affected !== 1) throw TwoFactorError.invalidCode('signature counter went backwards');
  }

  private async consume(ceremonyId: string): Promise<void> {
    const res = await this.ceremonies
      .createQueryBuilder()
      .update()
      .set({ consumedAt: this.clock.now() })
      .where('id = :id AND consumed_at IS NULL AND expires_at > :now', { id: ceremonyId, now: this.clock.now() })
      .execute();
    if (res.affected !== 1) throw WebAuthnError.ceremonyExpired();
  }

  /**
   * Stores a ceremony's challenge (hashed) and ends the earlier live ones of the same binding, so
   * only the latest options of a session, login challenge or login token can be answered.
   */
  private async saveCeremony(challenge: string, purpose: CeremonyPurpose, binding: CeremonyBinding, userHandle: string | null = null): Promise<void> {
    const now = this.clock.now();
    const key = binding.loginTokenHash ? { loginTokenHash: binding.loginTokenHash } : binding.loginChallengeId ? { loginChallengeId: binding.loginChallengeId } : binding.sessionId ? { sessionId: binding.sessionId } : null;
    if (key) await this.ceremonies.update({ ...key, purpose, consumedAt: IsNull() }, { consumedAt: now });
    await this.ceremonies.insert({
      id: randomUUID(),
      challengeHash: sha256(challenge),
      purpose,
      userId: binding.userId ?? null,
      sessionId: binding.sessionId ?? null,
      loginChallengeId: binding.loginChallengeId ?? null,
      loginTokenHash: binding.loginTokenHash ?? null,
      userHandle,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.challengeTtlSeconds * 1000),
      consumedAt: null,
    });
  }

  /** The ceremony a response answers, if it is live and belongs to the caller; else CODE_EXPIRED (a replay ends here). */
  private async liveCeremony(challenge: string, purpose: CeremonyPurpose, binding: CeremonyBinding): Promise<WebAuthnChallengeEntity> {
    const c = await this.ceremonies.findOneBy({ challengeHash: sha256(challenge) });
    const bound =
      !!c &&
      c.purpose === purpose &&
      (binding.userId === undefined || c.userId === binding.userId) &&
      (binding.sessionId === undefined || c.sessionId === binding.sessionId) &&
      (binding.loginChallengeId === undefined || c.loginChallengeId === binding.loginChallengeId) &&
      (binding.loginTokenHash === undefined || c.loginTokenHash === binding.loginTokenHash);
    if (!c || !bound || c.consumedAt || c.expiresAt.getTime() <= this.clock.ms()) throw WebAuthnError.ceremonyExpired();
    return c;
  }
}

function cleanName(name: string): string {
  const n = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!n) throw validationError('Give the passkey or security key a name');
  if (n.length > 64) throw validationError('name must be at most 64 characters');
  return n;
}

function transportsOf(c: WebAuthnCredentialEntity): AuthenticatorTransport[] | undefined {
  return c.transports ? (c.transports.split(',') as AuthenticatorTransport[]) : undefined;
}

/** The JSON form of a response (PublicKeyCredential.toJSON()); anything else is BAD_USER_INPUT. */
function parseResponse<T extends { id: string; response: { clientDataJSON: string } }>(json: string): T {
  if (typeof json !== 'string' || json.length > MAX_RESPONSE) throw validationError('The passkey response is too large');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw validationError('The passkey response is not valid JSON');
  }
  const r = parsed as T;
  if (!r || typeof r !== 'object' || typeof r.id !== 'string' || !r.response || typeof r.response.clientDataJSON !== 'string') {
    throw validationError('The passkey response is not a WebAuthn credential (PublicKeyCredential.toJSON())');
  }
  return r;
}

/** The challenge the client signed, read from clientDataJSON to find its ceremony. */
function challengeOf(r: { response: { clientDataJSON: string } }): string {
  try {
    const data = JSON.parse(Buffer.from(r.response.clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    if (typeof data.challenge === 'string' && data.challenge.length <= 512) return data.challenge;
  } catch {
    /* fall through */
  }
  throw validationError('The passkey response has no readable clientDataJSON');
}

/**
 * The browser half of passkeys and security keys, on @simplewebauthn/browser: the service's
 * options (a JSON string) in, the credential's JSON form (a string, for the API) out. Nothing is
 * kept: options, responses and login tokens live only in the variables of one ceremony, never in
 * localStorage or sessionStorage.
 */
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { ApiError } from './api';
import { describeError } from './messages';

/** Whether this browser can use passkeys and security keys at all. */
export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/**
 * The browser's passkey prompt ended without a credential: the person closed it, it timed out, or
 * no passkey of this account was on the device. Not an error to shout about.
 */
export class CeremonyCancelled extends Error {}

/** A browser-side failure of the ceremony, with a sentence a person can act on. */
export class CeremonyFailed extends Error {}

/** Asks the browser to create a credential; answers the RegistrationResponseJSON as a string. */
export async function createCredential(optionsJson: string): Promise<string> {
  const optionsJSON = JSON.parse(optionsJson) as PublicKeyCredentialCreationOptionsJSON;
  try {
    return JSON.stringify(await startRegistration({ optionsJSON }));
  } catch (e) {
    throw ceremonyError(e, 'create');
  }
}

/** Asks the browser for an assertion; answers the AuthenticationResponseJSON as a string. */
export async function useCredential(optionsJson: string): Promise<string> {
  const optionsJSON = JSON.parse(optionsJson) as PublicKeyCredentialRequestOptionsJSON;
  try {
    return JSON.stringify(await startAuthentication({ optionsJSON }));
  } catch (e) {
    throw ceremonyError(e, 'get');
  }
}

function ceremonyError(e: unknown, kind: 'create' | 'get'): Error {
  const name = e instanceof Error ? e.name : '';
  // NotAllowedError: cancelled, timed out, or (get) no matching credential; AbortError: a newer
  // ceremony replaced this one.
  if (name === 'NotAllowedError' || name === 'AbortError') return new CeremonyCancelled(name);
  if (kind === 'create' && name === 'InvalidStateError') {
    return new CeremonyFailed('This passkey or security key is already added to your account. Use another one, or rename the one you have.');
  }
  if (name === 'SecurityError') {
    return new CeremonyFailed('Your browser refused to use a passkey on this address. Open CloudCX at its usual address and try again.');
  }
  if (name === 'NotSupportedError' || name === 'ConstraintError') {
    return new CeremonyFailed('This passkey or security key does not support what CloudCX needs. Try another one.');
  }
  return new CeremonyFailed('Your browser could not use a passkey or security key. Try again, or use another method.');
}

/**
 * What to tell the person after a passkey step failed: in the browser (cancelled, not supported…)
 * or at the service (not accepted, expired).
 */
export function describePasskeyError(e: unknown): string {
  if (e instanceof CeremonyFailed) return e.message;
  if (e instanceof ApiError) {
    switch (e.code) {
      case 'INVALID_CODE':
        return 'That passkey or security key was not accepted. Use one that is added to your account, or choose another method.';
      case 'CODE_EXPIRED':
        return /sign-in|sign in again/i.test(e.message) ? 'This sign-in attempt has expired. Start again.' : 'The passkey request expired. Try again.';
      case 'BAD_USER_INPUT':
        return /name/i.test(e.message) ? e.message : 'The passkey or security key could not be verified. Try again.';
      case 'FORBIDDEN':
        return 'Your organization does not allow passkeys or security keys for your account.';
      case 'CONFLICT':
      case 'NOT_FOUND':
        return e.message.endsWith('.') ? e.message : `${e.message}.`;
    }
  }
  return describeError(e);
}

/** The calm sentence for a prompt that was closed or timed out. */
export const CANCELLED_SENTENCE = 'The passkey request was cancelled or timed out. Nothing was changed: try again when you are ready.';

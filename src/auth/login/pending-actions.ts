import { Injectable } from '@nestjs/common';

/** Runs in the call's transaction (the one that consumes the challenge). */
export type PendingActionHandler = (userId: string, payload: Record<string, unknown>) => Promise<void>;

/**
 * Lets modules above auth (sso) attach work to a login challenge without auth importing them:
 * they register a handler at start-up; verifyCode runs it, in the transaction that consumes the
 * challenge, before the session is issued. A handler that throws aborts the sign-in.
 */
@Injectable()
export class PendingActionRegistry {
  private readonly handlers = new Map<string, PendingActionHandler>();

  register(kind: string, handler: PendingActionHandler): void {
    this.handlers.set(kind, handler);
  }

  get(kind: string): PendingActionHandler | undefined {
    return this.handlers.get(kind);
  }
}

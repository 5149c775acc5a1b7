import type { Strategy } from 'passport';

/**
 * The request passport hands a strategy (express's, seen through passport's own types), so the
 * SSO services that pass it along import nothing of express themselves.
 */
export type HttpRequest = Parameters<Strategy['authenticate']>[0];

import { errorResponseBody } from './error-response';

describe('errorResponseBody', () => {
  it('builds the GraphQL error shape, code first and never overridden by the other extensions', () => {
    expect(JSON.stringify(errorResponseBody({ message: 'slow down', code: 'TOO_MANY_ATTEMPTS', extensions: { retryAfterSeconds: 3 } }))).toBe(
      '{"errors":[{"message":"slow down","extensions":{"code":"TOO_MANY_ATTEMPTS","retryAfterSeconds":3}}]}',
    );
    expect(errorResponseBody({ message: 'x', code: 'A', extensions: { code: 'B' } }).errors[0].extensions.code).toBe('A');
    expect(errorResponseBody({ message: 'a', code: 'X' }, { message: 'b', code: 'Y' }).errors.map((e) => e.message)).toEqual(['a', 'b']);
  });
});

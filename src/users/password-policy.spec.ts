import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts a decent password', () => expect(passwordProblem('correct horse battery')).toBeNull());
  it('refuses short ones', () => expect(passwordProblem('Ab1!x')).toMatch(/at least 8/));
  it('refuses common ones in any case', () => expect(passwordProblem('PassWord123')).toMatch(/too common/));
  it('refuses repeated characters', () => expect(passwordProblem('aaaaaaaaaa')).toMatch(/easy/));
  it('refuses the email', () => expect(passwordProblem('me@example.com', 'Me@Example.com')).toMatch(/email/));
  it('refuses over-long ones', () => expect(passwordProblem('x'.repeat(129))).toMatch(/at most/));
});

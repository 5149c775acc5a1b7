import { buildSchema, coerceInputValue, GraphQLInputObjectType, parse, validate } from 'graphql';
import { withoutSuggestions } from './request-errors';

const schema = buildSchema(`
  enum Role { AGENT ADMIN }
  input CreateUserInput { email: String!  role: Role }
  type User { id: ID!  email: String! }
  type Query { user(id: ID!): User  users(role: Role): [User!]! }
`);
const strip = (message: string) => withoutSuggestions({ message }).message;

describe('withoutSuggestions', () => {
  it('removes graphql-js suggestions of fields, arguments, types and enum values', () => {
    const errors = validate(schema, parse('{ user(idd: "1") { emial } users(role: ADMNI) { id } } fragment F on Usr { id }'));
    expect(errors.map((e) => e.message).join('\n')).toMatch(/Did you mean/);
    const stripped = errors.map((e) => strip(e.message));
    expect(stripped.join('\n')).not.toMatch(/Did you mean|"email"|"ADMIN"|"User"\?/);
    expect(stripped).toEqual(expect.arrayContaining([
      'Unknown argument "idd" on field "Query.user".',
      'Cannot query field "emial" on type "User".',
      'Value "ADMNI" does not exist in "Role" enum.',
      'Unknown type "Usr".',
    ]));
  });

  it('also in variable coercion errors (unknown input fields)', () => {
    const messages: string[] = [];
    coerceInputValue({ emial: 'x' }, schema.getType('CreateUserInput') as GraphQLInputObjectType, (_path, _value, error) => messages.push(error.message));
    expect(messages.join('\n')).toMatch(/Did you mean "email"\?/);
    expect(messages.map(strip)).toContain('Field "emial" is not defined by type "CreateUserInput".');
    expect(messages.map(strip).join('\n')).not.toMatch(/Did you mean/);
  });

  it('keeps a message without a suggestion as it is (same object)', () => {
    const f = { message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(withoutSuggestions(f)).toBe(f);
  });
});

import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { complexityEstimator } from './complexity.plugin';
import { checkQueryLimits, DEFAULT_QUERY_LIMITS } from './query-limits';
import { wellFormed } from './graphql-request-guard';

const check = (q: string, limits = DEFAULT_QUERY_LIMITS) => checkQueryLimits(parse(q), limits);

describe('query limits', () => {
  it('counts depth as field nesting, through fragments and inline fragments', () => {
    expect(check('{ me { id } }')).toEqual([]);
    expect(check('{ a { b { c } } }', { ...DEFAULT_QUERY_LIMITS, maxDepth: 3 })).toEqual([]);
    expect(check('{ a { b { c { d } } } }', { ...DEFAULT_QUERY_LIMITS, maxDepth: 3 })).toEqual([
      'Query is too deep: the query nests 4 levels, the limit is 3',
    ]);
    expect(check('query Q { a { ...F } } fragment F on A { b { ... on B { c { d } } } }', { ...DEFAULT_QUERY_LIMITS, maxDepth: 3 })[0]).toMatch(
      /operation Q nests 4 levels/,
    );
  });

  it('lets the standard introspection query through but caps recursive introspection', () => {
    expect(check(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }))).toEqual([]);
    expect(check(`{ __schema { types { ${'fields { type { '.repeat(10)}name${' } }'.repeat(10)} } } }`)[0]).toMatch(/Introspection query is too deep: 23 levels/);
  });

  it('counts aliases and top-level fields with fragments expanded; mutations have a lower cap', () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: id`).join(' ');
    expect(check(`{ me { ${aliases(30)} } }`)).toEqual([]);
    expect(check(`{ me { ...F ...G } } fragment F on User { ${aliases(16)} } fragment G on User { ${aliases(15)} }`)).toEqual([
      'Too many aliases: the query has 31, the limit is 30',
    ]);
    expect(check('mutation { a: logout b: logout c: logout d: logout e: logout }')).toEqual([]);
    expect(check('mutation { ...M } fragment M on Mutation { a: logout b: logout c: logout d: logout e: logout f: logout }')).toContain(
      'Too many top-level fields: the mutation has 6, the limit is 5',
    );
  });

  it('measures a fragment bomb in linear time and refuses it', () => {
    let bomb = '{ me { ...F0 } }';
    for (let i = 0; i < 60; i++) bomb += ` fragment F${i} on User { ...F${i + 1} x { ...F${i + 1} } }`;
    bomb += ' fragment F60 on User { id }';
    const started = Date.now();
    expect(check(bomb).join()).toMatch(/Too many fields/);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('ignores cyclic and unknown fragments (graphql reports those)', () => {
    expect(check('{ me { ...A ...Nope } } fragment A on User { ...B } fragment B on User { ...A id }')).toEqual([]);
  });
});

describe('complexity estimator', () => {
  const schema = buildSchema(`
    type Query { me: User  users(first: Int = 50): UserPage }
    type UserPage { totalCount: Int  edges: [Edge] }
    type Edge { node: User }
    type User { id: ID  security: Security  codes: [String] }
    type Security { enabled: Boolean }
  `);
  const cost = (query: string, variables = {}) => getComplexity({ schema, query: parse(query), variables, estimators: [complexityEstimator] });

  it('objects cost 1, scalars 0, a `first: n` field n times its selection', () => {
    expect(cost('{ __typename }')).toBe(0);
    expect(cost('{ me { id codes } }')).toBe(1);
    expect(cost('{ me { security { enabled } } }')).toBe(2);
    expect(cost('{ users(first: 10) { totalCount edges { node { id } } } }')).toBe(1 + 10 * 2);
    expect(cost('{ users { edges { node { id } } } }')).toBe(1 + 50 * 2); // the argument's default
    expect(cost('query($n: Int) { users(first: $n) { edges { node { security { enabled } } } } }', { n: 100 })).toBe(1 + 100 * 3);
  });

  it('clamps `first` to 1…100 (out-of-range values are the resolver’s BAD_USER_INPUT)', () => {
    expect(cost('{ users(first: 100000) { edges { node { id } } } }')).toBe(1 + 100 * 2);
    expect(cost('{ users(first: -5) { edges { node { id } } } }')).toBe(1 + 1 * 2);
  });
});

describe('well-formed variables', () => {
  it('finds lone surrogates in values and keys, at any depth', () => {
    expect(wellFormed({ a: ['x', { b: '👩‍👩‍👧 𝕏' }] })).toBe(true);
    expect(wellFormed({ a: 'x\uD800' })).toBe(false);
    expect(wellFormed({ ['\uDC00']: 1 })).toBe(false);
    let deep: unknown = '\uDBFF';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(wellFormed(deep)).toBe(false);
  });
});

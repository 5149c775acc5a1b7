import {
  ASTVisitor,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';

/** The static (variable-independent) limits on one GraphQL document. */
export interface QueryLimits {
  /** Nesting of fields: `{ me { id } }` is 2. Introspection subtrees have their own cap. */
  maxDepth: number;
  /** Aliased fields in an operation, fragments expanded: `a: login(...) b: login(...)` is 2. */
  maxAliases: number;
  /** Top-level fields of a query operation. */
  maxRootFields: number;
  /** Top-level fields of a mutation: each may hash a password or send a mail. */
  maxMutationRootFields: number;
  /** Fields in an operation, fragments expanded (a fragment spread twice counts twice). */
  maxFields: number;
}

/** Fixed limits; depth is configurable (GRAPHQL_MAX_DEPTH). */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 30,
  maxRootFields: 20,
  maxMutationRootFields: 5,
  maxFields: 500,
};

/**
 * Depth allowed below `__schema` / `__type`: the standard introspection query (GraphiQL, codegen)
 * reaches 15 with every option on. Introspection is off in production by default.
 */
export const INTROSPECTION_MAX_DEPTH = 20;

/** Parser cap (tokens): a few times the standard introspection query (~190 tokens). */
export const MAX_TOKENS = 5000;

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

interface Stats {
  depth: number;
  introspectionDepth: number;
  fields: number;
  aliases: number;
  rootFields: number;
}

/**
 * Measures one operation with its fragments expanded. Fragment results are memoised, so a
 * "fragment bomb" (each fragment spreading the next one twice) costs linear time here even
 * though its expansion is exponential; counts saturate at Infinity rather than overflow.
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): Stats {
  const memo = new Map<string, Stats>();
  const inProgress = new Set<string>();

  const measure = (set: SelectionSetNode | undefined, insideIntrospection: boolean): Stats => {
    const s: Stats = { depth: 0, introspectionDepth: 0, fields: 0, aliases: 0, rootFields: 0 };
    if (!set) return s;
    for (const sel of set.selections) {
      let child: Stats;
      if (sel.kind === Kind.FIELD) {
        const intro = insideIntrospection || INTROSPECTION_ROOTS.has(sel.name.value);
        const sub = measure(sel.selectionSet, intro);
        s.fields += 1 + sub.fields;
        s.aliases += (sel.alias ? 1 : 0) + sub.aliases;
        s.rootFields += 1;
        if (intro && !insideIntrospection) {
          // An introspection root: its subtree counts against INTROSPECTION_MAX_DEPTH only.
          s.depth = Math.max(s.depth, 1);
          s.introspectionDepth = Math.max(s.introspectionDepth, 1 + Math.max(sub.depth, sub.introspectionDepth));
        } else {
          s.depth = Math.max(s.depth, 1 + sub.depth);
          s.introspectionDepth = Math.max(s.introspectionDepth, sub.introspectionDepth ? 1 + sub.introspectionDepth : 0);
        }
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        child = measure(sel.selectionSet, insideIntrospection);
      } else {
        const name = sel.name.value;
        const def = fragments.get(name);
        // Unknown or cyclic fragments are reported by graphql's own rules; count nothing here.
        if (!def || inProgress.has(name)) continue;
        const key = `${name}:${insideIntrospection}`;
        let cached = memo.get(key);
        if (!cached) {
          inProgress.add(name);
          cached = measure(def.selectionSet, insideIntrospection);
          inProgress.delete(name);
          memo.set(key, cached);
        }
        child = cached;
      }
      s.depth = Math.max(s.depth, child.depth);
      s.introspectionDepth = Math.max(s.introspectionDepth, child.introspectionDepth);
      s.fields += child.fields;
      s.aliases += child.aliases;
      s.rootFields += child.rootFields;
    }
    return s;
  };

  return measure(operation.selectionSet, false);
}

/** Every limit the document breaks, as client-facing messages (no schema needed). */
export function checkQueryLimits(document: DocumentNode, limits: QueryLimits): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const problems: string[] = [];
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const s = measureOperation(def, fragments);
    const what = def.name ? `operation ${def.name.value}` : `the ${def.operation}`;
    if (s.depth > limits.maxDepth) {
      problems.push(`Query is too deep: ${what} nests ${s.depth} levels, the limit is ${limits.maxDepth}`);
    }
    if (s.introspectionDepth > INTROSPECTION_MAX_DEPTH) {
      problems.push(`Introspection query is too deep: ${s.introspectionDepth} levels, the limit is ${INTROSPECTION_MAX_DEPTH}`);
    }
    if (s.aliases > limits.maxAliases) {
      problems.push(`Too many aliases: ${what} has ${s.aliases}, the limit is ${limits.maxAliases}`);
    }
    const maxRoot = def.operation === 'mutation' ? limits.maxMutationRootFields : limits.maxRootFields;
    if (s.rootFields > maxRoot) {
      problems.push(`Too many top-level fields: ${what} has ${s.rootFields}, the limit is ${maxRoot}`);
    }
    if (s.fields > limits.maxFields) {
      problems.push(`Too many fields: ${what} selects ${s.fields}, the limit is ${limits.maxFields}`);
    }
  }
  return problems;
}

/**
 * The same limits as a GraphQL validation rule, so Apollo refuses with GRAPHQL_VALIDATION_FAILED
 * whatever path a document takes. (The HTTP guard applies them earlier, before graphql's own
 * rules, whose field-overlap check grows quadratically with repeated fields.)
 */
export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(node) {
      for (const message of checkQueryLimits(node, limits)) context.reportError(new GraphQLError(message));
      return false;
    },
  });
}

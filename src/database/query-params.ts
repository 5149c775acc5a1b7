let seq = 0;

/** A query parameter name that no other part of the same query uses (conditions from several modules). */
export const uniqueParam = (base: string): string => `${base}_${++seq}`;

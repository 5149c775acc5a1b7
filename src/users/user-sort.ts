/**
 * How the admin list can be sorted. Every sort is a keyset: the sort key, then the id as the
 * tie-break in the same direction, so a page starts exactly after the last row of the one before.
 */
export enum UserSortField {
  CREATED_AT = 'CREATED_AT',
  EMAIL = 'EMAIL',
  LAST_LOGIN_AT = 'LAST_LOGIN_AT',
  DISPLAY_NAME = 'DISPLAY_NAME',
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export interface UserSort {
  field: UserSortField;
  direction: SortDirection;
}

/** Without an explicit sort the list stays as it always was: oldest first. */
export const DEFAULT_USER_SORT: UserSort = { field: UserSortField.CREATED_AT, direction: SortDirection.ASC };

/**
 * A sort key as a cursor carries it: epoch ms for the timestamps (null: never signed in, which
 * sorts below every date, as both SQLite and MySQL order NULL), the lower-cased email, the display
 * name as stored (the database compares it case-insensitively; a cursor made when it carried the
 * lower-cased name compares the same).
 */
export type UserSortValue = string | number | null;

export function isSortValueOf(field: UserSortField, value: UserSortValue): boolean {
  switch (field) {
    case UserSortField.CREATED_AT:
      return typeof value === 'number';
    case UserSortField.LAST_LOGIN_AT:
      return value === null || typeof value === 'number';
    case UserSortField.EMAIL:
    case UserSortField.DISPLAY_NAME:
      return typeof value === 'string';
  }
}

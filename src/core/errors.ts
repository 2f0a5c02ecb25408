// Errors a person caused (unknown song, unknown genre, impossible filter): their message is shown as is.

/** Base class for errors whose message is written for the person who asked, not for a log. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/** No track matches what the person typed; `suggestions` holds close titles ("did you mean"). */
export class TrackNotFoundError extends UserFacingError {
  override name = 'TrackNotFoundError';
  constructor(
    readonly query: string,
    readonly suggestions: readonly string[],
  ) {
    const hint = suggestions.length > 0 ? ` Did you mean: ${suggestions.join('; ')}?` : '';
    super(`No song matches "${query}".${hint}`);
  }
}

/** The genre named in a filter is not in the catalog; `suggestions` holds close genre names. */
export class UnknownGenreError extends UserFacingError {
  override name = 'UnknownGenreError';
  constructor(
    readonly genre: string,
    readonly suggestions: readonly string[],
  ) {
    const hint = suggestions.length > 0 ? ` Try: ${suggestions.join(', ')}.` : '';
    super(`There is no genre called "${genre}".${hint}`);
  }
}

/** The options of a query cannot be honoured (empty vibe, min above max, bad count...). */
export class InvalidQueryError extends UserFacingError {
  override name = 'InvalidQueryError';
}

/** The data handed to the catalog does not fit together: a programming or storage bug, not the user's. */
export class CatalogSourceError extends Error {
  override name = 'CatalogSourceError';
}

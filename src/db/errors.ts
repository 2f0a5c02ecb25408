// Named errors of the SQLite store, so callers can tell storage trouble from bugs.

/** The database cannot be used as it is (corrupt, too new, incomplete, missing). */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

/** A run handed to publishRun is inconsistent; nothing was written. */
export class InvalidRunError extends DatabaseError {
  override name = 'InvalidRunError';
}

/** A track cannot be stored faithfully (e.g. an artist name holding the separator). */
export class InvalidTrackError extends DatabaseError {
  override name = 'InvalidTrackError';
}

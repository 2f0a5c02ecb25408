// The schema, as an ordered list of migrations applied by PRAGMA user_version.
export interface Migration {
  /** The user_version the database has once this migration is applied (1, 2, ...). */
  version: number;
  name: string;
  sql: string;
}

/*
 * Migrations are frozen once released: add a new one instead of editing an old one.
 * Feature columns are spelled out (not generated from AUDIO_FEATURES) for that reason.
 *
 * Speed of loading the active catalog (90k tracks) shaped two choices:
 * - run_vectors holds ONE float32 BLOB per run, row i = track i of the run (track_ids since 7): a single
 *   memcpy into the catalog's Float32Array; a row per track costs a Buffer each, far slower.
 * - tracks.artists is the artist names joined by U+001F (unit separator): splitting is
 *   faster than JSON.parse per row, and names never contain control characters.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tracks, genres, runs, vectors, settings',
    sql: `
      CREATE TABLE tracks (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        artists TEXT NOT NULL, -- names joined by char(31)
        album TEXT NOT NULL,
        popularity REAL,
        explicit INTEGER,
        year INTEGER,
        danceability REAL,
        energy REAL,
        key REAL,
        loudness REAL,
        mode REAL,
        speechiness REAL,
        acousticness REAL,
        instrumentalness REAL,
        liveness REAL,
        valence REAL,
        tempo REAL,
        duration_ms REAL,
        time_signature REAL
      ) WITHOUT ROWID;

      CREATE TABLE track_genres (
        track_id TEXT NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
        genre TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (track_id, genre)
      ) WITHOUT ROWID;

      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL,
        data_file TEXT NOT NULL,
        data_sha256 TEXT NOT NULL,
        backend TEXT NOT NULL,
        features TEXT NOT NULL,
        scaler TEXT NOT NULL,
        params TEXT NOT NULL,
        metrics TEXT NOT NULL,
        timings TEXT NOT NULL,
        counts TEXT NOT NULL,
        encoder TEXT NOT NULL,
        model_dir TEXT NOT NULL,
        latent_dim INTEGER NOT NULL CHECK (latent_dim > 0)
      ) WITHOUT ROWID;
      CREATE INDEX runs_by_created_at ON runs (created_at);

      CREATE TABLE run_tracks (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        track_id TEXT NOT NULL REFERENCES tracks(id),
        PRIMARY KEY (run_id, position),
        UNIQUE (run_id, track_id)
      ) WITHOUT ROWID;
      CREATE INDEX run_tracks_by_track ON run_tracks (track_id);

      CREATE TABLE run_vectors (
        run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        v BLOB NOT NULL -- float32 x latent_dim per track, in run_tracks position order
      );

      CREATE TABLE active_run (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        run_id TEXT NOT NULL REFERENCES runs(id)
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'catalog snapshots, track row hashes',
    // run_catalogs.data is a packed catalog (core/catalogSnapshot.ts) written at publish, so the
    // bot loads a run with a few copies instead of rebuilding its indexes from 90k rows; format
    // says which layout it has (an unknown one is ignored and the catalog built from rows).
    // tracks.row_hash lets a publish skip tracks whose row and genres did not change.
    sql: `
      CREATE TABLE run_catalogs (
        run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        format INTEGER NOT NULL,
        data BLOB NOT NULL
      );
      ALTER TABLE tracks ADD COLUMN row_hash INTEGER;
    `,
  },
  {
    version: 3,
    name: 'catalog snapshots move to files',
    // Snapshots now live in each run's model folder (db/runSnapshots.ts), read straight into the catalog's arrays:
    // reading the blob made SQLite and the driver each hold a whole copy. The stored ones
    // are of an older format, so a run trained before loads from its rows until the next training.
    sql: `DROP TABLE run_catalogs;`,
  },
  {
    version: 4,
    name: 'forget the registered commands hash',
    // The bot now asks Discord which commands it holds instead of trusting this hash, which said
    // "registered" to a fresh application or server sharing the database.
    sql: `DELETE FROM settings WHERE key = 'registered_commands_hash';`,
  },
  {
    version: 5,
    name: 'listener ratings and list chains',
    // Rows about listeners (Discord user ids), written only after a listener clicks, deleted by
    // /forget-me (db/forgetListener.ts). Tracks are referenced by id without a foreign key, so a
    // rating outlives a retrain that drops its track. WITHOUT ROWID keeps one listener's ratings
    // together on disk: an interaction reads them as one short range of the primary key.
    // list_chains holds a list reply's state (seeds, filters, tracks already shown, as JSON and
    // comma-joined ids) under a short random id that the reply's buttons carry.
    sql: `
      CREATE TABLE IF NOT EXISTS listener_ratings (
        user_id TEXT NOT NULL,
        track_id TEXT NOT NULL,
        liked INTEGER NOT NULL CHECK (liked IN (0, 1)),
        rated_at INTEGER NOT NULL, -- ms since 1970
        PRIMARY KEY (user_id, track_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS listener_ratings_recent ON listener_ratings (user_id, liked, rated_at);

      CREATE TABLE IF NOT EXISTS list_chains (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        state TEXT NOT NULL,
        shown TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        used_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS list_chains_by_user ON list_chains (user_id);
      CREATE INDEX IF NOT EXISTS list_chains_by_use ON list_chains (used_at);
    `,
  },
  {
    version: 6,
    name: 'content hashes of run files',
    // Each file of a run as published, by its path in the run folder; loading checks them (runFiles.ts).
    sql: `CREATE TABLE IF NOT EXISTS run_files (
      run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, file TEXT NOT NULL,
      bytes INTEGER NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (run_id, file)) WITHOUT ROWID;`,
  },
  {
    version: 7,
    name: 'run track lists beside the vectors',
    // A run's ids as one JSON array, in position order: a row each in run_tracks (3 b-trees) took ~12 s of a 1.2M-track publish.
    sql: `ALTER TABLE run_vectors ADD COLUMN track_ids TEXT NOT NULL DEFAULT '[]'; UPDATE run_vectors SET track_ids =
      (SELECT json_group_array(track_id ORDER BY position) FROM run_tracks r WHERE r.run_id = run_vectors.run_id); DROP TABLE run_tracks;`,
  },
];

/** The schema version this code writes and understands. */
export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

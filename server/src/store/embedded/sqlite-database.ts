/**
 * Opens a SQLite database through better-sqlite3, the one native module the project has. Its
 * binary is compiled for one Node ABI at install time, so after switching Node (say 20 → 24, see
 * scripts/node-runtime.sh) the raw error is a NODE_MODULE_VERSION mismatch; this says what to run.
 */
import Database from 'better-sqlite3';

/** `new Database(file, options)`, with advice when the native module was built for another Node. */
export function openSqliteDatabase(file: string, options?: Database.Options): Database.Database {
  try {
    return new Database(file, options);
  } catch (error) {
    if (error instanceof Error && error.message.includes('NODE_MODULE_VERSION')) {
      throw new Error(
        `better-sqlite3 was compiled for another Node.js version than this one (${process.version}); ` +
          `run \`npm rebuild better-sqlite3\` with this Node. ${error.message}`,
        { cause: error },
      );
    }
    throw error;
  }
}

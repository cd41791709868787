/**
 * The Neo4j store's one driver: opens it, applies the schema, and runs named queries in managed
 * read and write transactions (retried by the driver), translating driver failures into FibroGraph
 * errors. Every session names its database explicitly.
 */
import {
  auth,
  driver as createDriver,
  isRetryableError,
  Neo4jError,
  session as sessionModes,
  type Driver,
  type ManagedTransaction,
  type Session,
  type SessionMode,
} from 'neo4j-driver';
import { AsyncLocalStorage } from 'node:async_hooks';
import { AlreadyExistsError, FibroGraphError, ValidationError } from '../../domain/errors.ts';
import { loadQueries, loadSchemaStatements, type QueryName, type QueryTexts } from './cypher-files.ts';

/** Where the Neo4j store connects. */
export interface Neo4jConfig {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database: string;
}

/** One result row, keyed by the query's RETURN names. */
export type Row = Readonly<Record<string, unknown>>;

/** Runs named queries inside one transaction. */
export interface QueryTx {
  run(name: QueryName, params?: Record<string, unknown>): Promise<Row[]>;
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
]);
const SCHEMA_ALREADY_THERE = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);

/** How many times readQuery tries a query that failed with a transient error. */
const READ_ATTEMPTS = 3;

/**
 * One API request's place in the database's causal order: its reads wait for `after` (the bookmarks
 * of the client's earlier writes, perhaps made through another replica), and `written` collects the
 * bookmarks of the writes it makes, for the client to send back.
 */
interface CausalScope {
  readonly after: readonly string[];
  written: string[];
}

/** A driver plus the store's queries. */
export class CypherRunner {
  private closed = false;
  private readonly scopes = new AsyncLocalStorage<CausalScope>();

  private constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly queries: QueryTexts,
  ) {}

  /** Connects, checks the server answers, applies the schema and waits for its indexes. */
  static async open(config: Neo4jConfig): Promise<CypherRunner> {
    const queries = await loadQueries();
    const driver = createDriver(config.uri, auth.basic(config.username, config.password), {
      disableLosslessIntegers: true,
    });
    const runner = new CypherRunner(driver, config.database, queries);
    try {
      await driver.verifyConnectivity({ database: config.database }).catch((error: unknown) => {
        throw translate(error);
      });
      await runner.applySchema();
      await runner.write((tx) => tx.run('await-indexes'));
      return runner;
    } catch (error) {
      await driver.close();
      throw error;
    }
  }

  /** Runs `work` in a read transaction. */
  read<T>(work: (tx: QueryTx) => Promise<T>): Promise<T> {
    return this.session(sessionModes.READ, (session) => session.executeRead((tx) => work(this.queryTx(tx))));
  }

  /**
   * Runs one read query on its own (an auto-commit transaction): one round trip instead of the
   * managed transaction's two (begin and run, then commit), which is most of a small read's time
   * here. One query sees one consistent state, so nothing is lost by not wrapping it; transient
   * failures are retried as the driver retries managed transactions.
   */
  async readQuery(name: QueryName, params: Record<string, unknown> = {}): Promise<Row[]> {
    const text = this.queries.get(name);
    if (text === undefined) throw new Error(`no Cypher query named "${name}"`);
    if (this.closed) throw new FibroGraphError('STORE_UNAVAILABLE', 'the Neo4j store is closed');
    for (let attempt = 1; ; attempt += 1) {
      const session = this.openSession(sessionModes.READ);
      try {
        const result = await session.run(text, params);
        return result.records.map((record) => record.toObject() as Row);
      } catch (error) {
        if (attempt >= READ_ATTEMPTS || !isRetryableError(error)) throw translate(error);
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }

  /**
   * Runs `work` with every session it opens starting after `after` (read-your-writes across API
   * replicas, and on a cluster's secondaries), collecting its writes' bookmarks for writtenBookmarks.
   */
  withBookmarks<T>(after: readonly string[], work: () => Promise<T>): Promise<T> {
    return this.scopes.run({ after, written: [] }, work);
  }

  /** Inside withBookmarks: the bookmarks after the writes made so far (empty when none). */
  writtenBookmarks(): readonly string[] {
    return this.scopes.getStore()?.written ?? [];
  }

  /** readQuery as a QueryTx, for the shared record reads (tx-records.ts) outside a transaction. */
  readonly readOnce: QueryTx = { run: (name, params) => this.readQuery(name, params) };

  /** Runs `work` in a write transaction; the driver retries it on transient failures. */
  write<T>(work: (tx: QueryTx) => Promise<T>): Promise<T> {
    return this.session(sessionModes.WRITE, (session) =>
      session.executeWrite((tx) => work(this.queryTx(tx))),
    );
  }

  /** Closes the driver; later calls fail with STORE_UNAVAILABLE. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  private async applySchema(): Promise<void> {
    for (const statement of await loadSchemaStatements()) {
      try {
        await this.driver.executeQuery(statement, {}, { database: this.database });
      } catch (error) {
        // Two stores opening at once may race to create the same index; theirs is as good as ours.
        if (!(error instanceof Neo4jError && SCHEMA_ALREADY_THERE.has(error.code))) throw translate(error);
      }
    }
  }

  private async session<T>(mode: SessionMode, work: (session: Session) => Promise<T>): Promise<T> {
    if (this.closed) throw new FibroGraphError('STORE_UNAVAILABLE', 'the Neo4j store is closed');
    const session = this.openSession(mode);
    try {
      const result = await work(session);
      const scope = this.scopes.getStore();
      if (scope !== undefined && mode === sessionModes.WRITE) scope.written = session.lastBookmarks();
      return result;
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close();
    }
  }

  /** A session in the current causal scope: after the client's bookmarks, or this request's own writes. */
  private openSession(defaultAccessMode: SessionMode): Session {
    const scope = this.scopes.getStore();
    const bookmarks = scope === undefined ? [] : scope.written.length > 0 ? scope.written : [...scope.after];
    return this.driver.session({ database: this.database, defaultAccessMode, bookmarks });
  }

  private queryTx(tx: ManagedTransaction): QueryTx {
    return {
      run: async (name, params = {}) => {
        const text = this.queries.get(name);
        if (text === undefined) throw new Error(`no Cypher query named "${name}"`);
        const result = await tx.run(text, params);
        return result.records.map((record) => record.toObject() as Row);
      },
    };
  }
}

/** Maps driver errors that callers can act on to FibroGraph errors; leaves the rest alone. */
function translate(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code)) {
    return new FibroGraphError('STORE_UNAVAILABLE', `Neo4j is unavailable: ${error.message}`);
  }
  if (error.code === 'Neo.ClientError.Transaction.InvalidBookmark') {
    return new ValidationError('bookmark', `Neo4j does not know this bookmark: ${error.message}`);
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    const id = /property `[^`]+` = '([^']*)'/.exec(error.message)?.[1] ?? '';
    return new AlreadyExistsError(id, `"${id}" already exists`);
  }
  return error;
}

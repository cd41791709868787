/** The HTTP sign-in and edit flow against a real Neo4j (from NEO4J_URI or the disposable one the global setup started). */
import { inject } from 'vitest';
import { describeAuthFlow } from './auth-flow-tests.ts';
import { neo4jStoresHarness } from './stores-harness.ts';

const target = inject('neo4j');

// Without a Neo4j the suite is registered as skipped (the global setup already said why, loudly).
describeAuthFlow('neo4j', target === null ? null : () => neo4jStoresHarness(target));

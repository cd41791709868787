/** The HTTP review workflow against a real Neo4j (from NEO4J_URI or the disposable one the global setup started). */
import { inject } from 'vitest';
import { describeReviewWorkflow } from './review-workflow-tests.ts';
import { neo4jStoresHarness } from './stores-harness.ts';

const target = inject('neo4j');

// Without a Neo4j the suite is registered as skipped (the global setup already said why, loudly).
describeReviewWorkflow('neo4j', target === null ? null : () => neo4jStoresHarness(target));

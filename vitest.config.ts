import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-neo4j.ts'],
    testTimeout: 30_000,
    // The JSON report feeds the plain "N passed, N failed" line that .ci/run prints.
    reporters: ['default', ['json', { outputFile: 'build/test-results.json' }]],
    hookTimeout: 180_000,
    // Test files share one disposable Neo4j; running them in parallel on 2 cores only adds contention.
    fileParallelism: false,
  },
});

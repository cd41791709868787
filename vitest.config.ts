import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-neo4j.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Test files share one disposable Neo4j; running them in parallel on 2 cores only adds contention.
    fileParallelism: false,
  },
});

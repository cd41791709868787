/**
 * Vite config for the explorer. `npm run build:web` writes web/dist, which `npm start` serves at /;
 * `npm run dev:web` serves the app with hot reload and proxies /graphql and /healthz to the API
 * server (FIBROGRAPH_API, default http://127.0.0.1:4000), so run `npm start` beside it.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env['FIBROGRAPH_API'] ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    port: 5173,
    host: '127.0.0.1',
    proxy: { '/graphql': api, '/healthz': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // cytoscape alone is ~550 kB minified (~170 kB gzipped); the budget that matters is checked by bench:web.
    chunkSizeWarningLimit: 700,
    // The graph library is the bulk of the reader bundle; a chunk of its own caches across releases.
    rollupOptions: {
      // Two pages: the explorer, and the GraphQL IDE (/graphiql), whose editor readers never download.
      input: {
        index: `${import.meta.dirname}/index.html`,
        graphiql: `${import.meta.dirname}/graphiql.html`,
      },
      output: {
        manualChunks: (id: string) => (id.includes('node_modules/cytoscape') ? 'graph' : undefined),
      },
    },
  },
});

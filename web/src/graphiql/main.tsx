/**
 * FibroGraph's own GraphQL IDE at /graphiql: GraphiQL from npm, built and served with the explorer,
 * so it works offline and under the explorer's Content-Security-Policy (no CDN). It queries this
 * server's /graphql, sends a signed-in editor's token when the explorer has one, and opens with a
 * researcher's example query.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { storedToken } from '../api/client.ts';
import './graphiql.css';

/** The first query a newcomer sees: a claim with its certainty and the evidence behind it. */
export const EXAMPLE_QUERY = `# FibroGraph's GraphQL API. Press the run button (or Ctrl-Enter); the Docs
# panel lists every type. Researchers' queries are in the README.
{
  claim(id: "claim:glial-activation--associated-with--fatigue") {
    reading
    certainty
    certaintySummary
    evidence {
      level
      stance
      note
      source {
        name
        year
      }
    }
  }
}
`;

const token = storedToken();
const fetcher = createGraphiQLFetcher({
  url: new URL('/graphql', window.location.href).toString(),
  headers: token === null ? {} : { authorization: `Bearer ${token}` },
});

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} defaultQuery={EXAMPLE_QUERY} />
    </StrictMode>,
  );
}

/** No Docker engine runs here, so check that the compose file parses and wires what the README promises. */
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition?: string }>;
  volumes?: string[];
  ports?: string[];
}

it('runs Neo4j 5.26 community with a healthcheck and a volume, and the app after it is healthy', () => {
  const compose = parse(fs.readFileSync('docker-compose.yml', 'utf8')) as {
    services: Record<string, ComposeService>;
    volumes: object;
  };
  expect(Object.keys(compose.services).sort()).toEqual(['app', 'neo4j']);
  const { neo4j, app } = compose.services as { neo4j: ComposeService; app: ComposeService };
  expect(neo4j.image).toBe('neo4j:5.26-community');
  expect(neo4j.healthcheck?.test?.join(' ')).toMatch(/cypher-shell/);
  expect(neo4j.volumes).toContain('neo4j-data:/data');
  expect(neo4j.environment?.['NEO4J_AUTH']).toMatch(/\$\{NEO4J_PASSWORD/);
  for (const port of neo4j.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
  expect(app.build).toBe('.');
  expect(app.environment?.['NEO4J_URI']).toBe('bolt://neo4j:7687');
  expect(app.depends_on?.['neo4j']?.condition).toBe('service_healthy');
  expect(Object.keys(compose.volumes)).toContain('neo4j-data');
});

it('builds an image that seeds an empty store on first start', () => {
  const dockerfile = fs.readFileSync('Dockerfile', 'utf8');
  expect(dockerfile).toMatch(/^FROM node:20/m);
  expect(dockerfile).toMatch(/npm install --omit=dev/);
  // The explorer is built in its own stage and only web/dist reaches the image.
  expect(dockerfile).toMatch(/RUN npm run build:web/);
  expect(dockerfile).toMatch(/COPY --from=web \/app\/web\/dist web\/dist/);
  expect(fs.readFileSync('docker-entrypoint.sh', 'utf8')).toMatch(/fibrograph seed --if-empty/);
});

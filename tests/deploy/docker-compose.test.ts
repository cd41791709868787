/** No Docker engine runs here, so check that the compose file parses and wires what the README promises. */
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';

interface ComposeService {
  image?: string;
  profiles?: string[];
  deploy?: { replicas?: number };
  build?: { context?: string; args?: Record<string, string> };
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
  expect(Object.keys(compose.services).sort()).toEqual(['api', 'app', 'neo4j', 'proxy']);
  const { neo4j, app } = compose.services as { neo4j: ComposeService; app: ComposeService };
  expect(neo4j.image).toBe('neo4j:5.26-community');
  expect(neo4j.healthcheck?.test?.join(' ')).toMatch(/cypher-shell/);
  expect(neo4j.volumes).toContain('neo4j-data:/data');
  expect(neo4j.environment?.['NEO4J_AUTH']).toMatch(/\$\{NEO4J_PASSWORD/);
  for (const port of neo4j.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
  // Both app services build this Dockerfile on the Node major the project supports.
  expect(app.build).toEqual({ context: '.', args: { NODE_VERSION: '24' } });
  expect(compose.services['api']?.build).toEqual(app.build);
  expect(app.environment?.['NEO4J_URI']).toBe('bolt://neo4j:7687');
  expect(app.depends_on?.['neo4j']?.condition).toBe('service_healthy');
  expect(Object.keys(compose.volumes)).toContain('neo4j-data');
});

it('offers replicas behind a proxy as an opt-in profile, started once the seeding app is healthy', () => {
  const compose = parse(fs.readFileSync('docker-compose.yml', 'utf8')) as {
    services: Record<string, ComposeService>;
  };
  const { app, api, proxy } = compose.services as Record<'app' | 'api' | 'proxy', ComposeService>;
  // A plain `docker compose up` stays one app and Neo4j.
  expect(app.profiles).toBeUndefined();
  expect(api.profiles).toEqual(['replicas']);
  expect(proxy.profiles).toEqual(['replicas']);
  expect(api.deploy?.replicas).toBeGreaterThanOrEqual(2);
  // Routing URI, so reads can go to a cluster's secondaries; a cache, which the shared revision keeps right.
  expect(api.environment?.['NEO4J_URI']).toBe('neo4j://neo4j:7687');
  expect(Number(api.environment?.['FIBROGRAPH_RESPONSE_CACHE_MB'])).toBeGreaterThan(0);
  expect(api.depends_on?.['app']?.condition).toBe('service_healthy');
  expect(app.healthcheck?.test?.join(' ')).toMatch(/healthz/);
  // Replicas publish nothing; the proxy is the one way in, on loopback.
  expect(api.ports).toBeUndefined();
  expect(proxy.ports).toEqual(['127.0.0.1:8080:80']);
  expect(proxy.volumes).toContain('./deploy/nginx-replicas.conf:/etc/nginx/conf.d/default.conf:ro');
  const nginx = fs.readFileSync('deploy/nginx-replicas.conf', 'utf8');
  expect(nginx).toMatch(/server api:4000 resolve;/);
  expect(nginx).toMatch(/resolver 127\.0\.0\.11/);
  expect(nginx).toMatch(/proxy_pass http:\/\/fibrograph_api;/);
});

it('builds an image that seeds an empty store on first start', () => {
  const dockerfile = fs.readFileSync('Dockerfile', 'utf8');
  // Node 24, the runtime package.json's engines and CI's .nvmrc name.
  expect(dockerfile).toMatch(/^ARG NODE_VERSION=24$/m);
  expect(dockerfile.match(/^FROM node:\$\{NODE_VERSION\}-bookworm-slim/gm)).toHaveLength(2);
  const pinned = fs.readFileSync('.nvmrc', 'utf8').trim();
  expect(pinned).toMatch(/^24\.\d+\.\d+$/);
  const engines = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } })
    .engines;
  expect(engines.node).toBe('>=24.11.0');
  expect(dockerfile).toMatch(/npm install --omit=dev/);
  // The explorer is built in its own stage and only web/dist reaches the image.
  expect(dockerfile).toMatch(/RUN npm run build:web/);
  expect(dockerfile).toMatch(/COPY --from=web \/app\/web\/dist web\/dist/);
  expect(fs.readFileSync('docker-entrypoint.sh', 'utf8')).toMatch(/fibrograph seed --if-empty/);
});

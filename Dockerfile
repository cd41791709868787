# FibroGraph application image. With docker-compose.yml it talks to the neo4j service; on its own it
# uses the embedded store in /data (mount a volume there).
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production FIBROGRAPH_DATA_DIR=/data HOST=0.0.0.0

# Build tools only in case better-sqlite3 has no prebuilt binary for the platform.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*

COPY package.json package-lock.json ./
COPY server/package.json server/package.json
COPY web/package.json web/package.json
# npm install, not npm ci: npm 11 refuses this lockfile's skipped optional platform packages (see .ci/run).
RUN npm install --omit=dev --no-audit --no-fund

COPY server server
COPY cypher cypher
COPY seed seed
COPY docker-entrypoint.sh ./

VOLUME /data
ENTRYPOINT ["./docker-entrypoint.sh"]
CMD ["node", "--import", "tsx", "server/src/main.ts"]

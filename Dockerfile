# FibroGraph application image. With docker-compose.yml it talks to the neo4j service; on its own it
# uses the embedded store in /data (mount a volume there).

# The Node major the project supports (package.json "engines"; CI pins the exact version in .nvmrc).
ARG NODE_VERSION=24

# Stage 1: build the web explorer (Vite and React are dev dependencies, so they stay out of the image).
FROM node:${NODE_VERSION}-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/package.json
COPY web/package.json web/package.json
# npm install, not npm ci: npm 11 refuses this lockfile's skipped optional platform packages (see .ci/run).
# --ignore-scripts: building the explorer needs no native modules.
RUN npm install --no-audit --no-fund --ignore-scripts
COPY web web
# The explorer imports the domain's vocabulary tables (evidence levels, relations) from the server.
COPY server/src/domain server/src/domain
RUN npm run build:web

# Stage 2: the server, with production dependencies only, and the built explorer.
FROM node:${NODE_VERSION}-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production FIBROGRAPH_DATA_DIR=/data HOST=0.0.0.0

# Build tools only in case better-sqlite3 has no prebuilt binary for the platform.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*

COPY package.json package-lock.json ./
COPY server/package.json server/package.json
COPY web/package.json web/package.json
RUN npm install --omit=dev --no-audit --no-fund

COPY server server
COPY cypher cypher
COPY seed seed
COPY --from=web /app/web/dist web/dist
COPY docker-entrypoint.sh ./

VOLUME /data
ENTRYPOINT ["./docker-entrypoint.sh"]
CMD ["node", "--import", "tsx", "server/src/main.ts"]

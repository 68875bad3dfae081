# syntax=docker/dockerfile:1
# API image of the LCC Partnership Portal (used twice, as api-1 and api-2, by docker-compose.yml).

# ---- build: full dependency tree, compile TypeScript to dist/ ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# Only what `nest build` reads: no local node_modules, data/ or .env from the build context.
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
RUN npm run build

# ---- runtime: production dependencies and the compiled code only ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The code stays root-owned (read-only to the app); only DATA_DIR is writable, for the local fallbacks
# (embedded database, local file storage) when DATABASE_URL / S3_* are not set.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Young generation of 32 MB semi-spaces (V8's default is 16): fewer and shorter minor collections under load
# (docs/performance.md, "History pages at a steady state").
ENV NODE_OPTIONS=--max-semi-space-size=32
# No curl in the slim image: Node's fetch asks the liveness route (no database involved).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://localhost:3000/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Plain node as PID 1 receives SIGTERM from `docker stop`; main.ts finishes requests before exiting.
CMD ["node", "dist/apps/api/src/main.js"]

# syntax=docker/dockerfile:1

# ---- build: compile the TypeScript sources (nest build -> dist/apps/side-service/src/main.js) ----
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY i18n ./i18n
RUN npm run build

# ---- runtime: production dependencies and the compiled output only ----
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    WEBADMIN_HOST=0.0.0.0 \
    REST_API_HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY i18n ./i18n
USER node
# 8080: end-user REST API (REST_API_PORT); 8000: webadmin (WEBADMIN_PORT), which listens on 127.0.0.1 unless
# WEBADMIN_HOST=0.0.0.0 is set. The health check needs webadmin enabled, over plain HTTP.
EXPOSE 8080 8000
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.WEBADMIN_PORT || '8000') + '/healthcheck?check=Guice%20application%20lifecycle').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Memory (bench/memory.bench.ts; same flags as `npm start`): --max-semi-space-size=4 (MB): Node 24 lets the young
# generation grow to 64 MB, a third of the idle RSS; --max-old-space-size=512: below 1 GB V8 grows the old generation
# by ~1.4x instead of 4x (live heap ~70 MB; RSS ~400 MB while mailing without it, ~225 MB with it); raise it if the
# live heap of a large deployment nears it. Not --optimize-for-size: it held the heap as low but tripled the CPU per
# request and doubled it per mail (bench/api.bench.ts, 2.4 against 0.96 ms per GET /api/user).
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=512", "dist/apps/side-service/src/main.js"]

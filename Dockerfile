# Stacks: a stateless app container. Any number of them may share one PostgreSQL database
# (docker-compose.yml runs one with PostgreSQL and a scheduler); with an SQLite file on a volume
# mounted at /app/data (DATABASE_URL=file:/app/data/stacks.db), run one only.
#   docker build -t stacks .                       (another Node LTS: --build-arg NODE_VERSION=22)
#   docker run -e DATABASE_URL=postgresql://… -e AUTH_SECRET=… -e CRON_SECRET=… -p 3000:3000 stacks
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
# The build ID is the commit and Server Action IDs derive from the key: pass both
# (--build-arg SOURCE_COMMIT=$(git rev-parse HEAD) --build-arg NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=…)
# when images built apart serve one library; the build reads them from its environment (the
# image has no .git to read the commit from). Unset, the build makes its own.
ARG SOURCE_COMMIT
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# Dependencies first, so a code change reuses this layer; postinstall generates the Prisma clients.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-schemas.mjs ./scripts/
COPY lib/database-url.ts ./lib/
RUN npm install --no-audit --no-fund
COPY . .
# The standalone server holds only the node_modules it uses; the scripts the container runs are
# bundled beside it, so the image needs no dev dependencies, tsx or Prisma CLI.
RUN npx next build \
 && node scripts/bundle-scripts.mjs .next/standalone/scripts \
 && cp scripts/serve.mjs scripts/page-cache.mjs scripts/static-files.mjs scripts/scheduler.mjs .next/standalone/scripts/

FROM node:${NODE_VERSION}-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
# Owned by root: the server cannot change its own code. Only data/ (an SQLite file, the .eml
# outbox without SMTP) and Next's cache are the node user's.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/prisma/postgres/migrations ./prisma/postgres/migrations
COPY --from=build /app/prisma/seed-data ./prisma/seed-data
COPY --from=build /app/lib/notifications/mail-worker.mjs ./lib/notifications/
RUN mkdir -p data .next/cache && chown node:node data .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and gets docker stop's SIGTERM itself, finishing the requests in flight.
CMD ["node", "scripts/container-start.mjs"]

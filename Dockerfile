# Stacks: one stateless app container. Use with PostgreSQL (see docker-compose.yml) or with an
# SQLite file on a mounted volume (DATABASE_URL=file:/data/stacks.db, one instance only).
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY prisma.config.ts ./
COPY lib/database-url.ts ./lib/database-url.ts
RUN npm install
COPY . .
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PORT=3000
COPY --from=build /app ./
EXPOSE 3000
# Applies migrations, then serves; the build is already there.
CMD ["npm", "start"]

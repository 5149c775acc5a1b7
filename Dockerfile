# Production image: build with the dev toolchain, run the compiled app on plain Node.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
# MALLOC_ARENA_MAX: glibc (this image is Debian; musl ignores it) gives each thread that allocates
# its own arena, and an arena keeps the 19 MiB argon2id buffer of the last password check made on
# that thread: up to 4 × 19 MiB held after logins. Two arenas share it. README "Production process settings".
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY package.json ./
EXPOSE 3000
USER node
# V8 heap sizing, the same flags as `npm run start:prod` (README "Production process settings"): a 4 MiB young
# generation, and an old-space limit under 2 GiB so that V8 collects at ~1.8 × the live heap
# instead of 4 × (the factor it uses when its limit is 2 GiB or more, as on a host with 16 GiB of memory).
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=1536", "dist/src/main.js"]

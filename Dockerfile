# One image for every Forma app; the app is chosen by APP (gateway, catalog, enrolment, attendance, remuneration,
# reporting). Runs TypeScript through @swc-node/register, as `npm start` does.
FROM node:20.20-bookworm-slim
WORKDIR /srv/forma
# The old generation is capped: V8 otherwise lets garbage pile up to several hundred MB under a bulk import whose
# live data is ~40 MB (bench/enrolment-import.bench.ts); a service's heap stays near 100 MB with the cap.
ENV NODE_ENV=production HOST=0.0.0.0 NODE_OPTIONS=--max-old-space-size=192
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY libs ./libs
COPY apps ./apps
USER node
CMD ["sh", "-c", "exec node -r @swc-node/register apps/${APP}/src/main.ts"]

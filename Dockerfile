# One image for every Forma app; the app is chosen by APP (gateway, catalog, enrolment, attendance, remuneration,
# reporting). Runs the JavaScript compiled by tools/build (as `npm start` does): compiling in the process would cost
# each service ~100 MB more.
FROM node:24.11-bookworm-slim
WORKDIR /srv/forma
COPY package.json package-lock.json ./
# kafkajs 2.2.4 patched at install (patch-package): no 1-ms check of an empty request queue (patches/README.md)
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY libs ./libs
COPY apps ./apps
# the services' OpenAPI documents: the gateway serves them merged at /docs
COPY docs/openapi ./docs/openapi
# the admin app (built with the rest, served by the gateway) offers each role what this matrix allows it
COPY docs/authorisation-matrix.json ./docs/
# remuneration's HSE rate table (HSE_RATES_FILE points elsewhere to load the decree's)
COPY config ./config
COPY tools/build ./tools/build
RUN node tools/build/build.js
# Set after the install and the build, which need more memory than a service: the old generation is capped, since V8
# otherwise lets garbage pile up to several hundred MB under a bulk import whose live data is ~40 MB (bench/README.md);
# a smaller young generation (4 MB semi-spaces) keeps RSS down for ~5% more CPU. One malloc arena: glibc gives each
# thread that allocates at once an arena of its own (V8's workers, the relay thread) and keeps what they freed; an
# import writing two batches at once held ~15 MB more that way (bench/README.md).
ENV NODE_ENV=production HOST=0.0.0.0 NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=4" MALLOC_ARENA_MAX=1
USER node
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]

# One image for every Forma app; the app is chosen by APP (gateway, catalog, enrolment, attendance, remuneration,
# reporting). Runs TypeScript through @swc-node/register, as `npm start` does.
FROM node:20.20-bookworm-slim
WORKDIR /srv/forma
ENV NODE_ENV=production HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY libs ./libs
COPY apps ./apps
USER node
CMD ["sh", "-c", "exec node -r @swc-node/register apps/${APP}/src/main.ts"]

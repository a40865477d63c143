// The admin app's build (issue 26): React with Vite, the State's design system from the react-dsfr package (its CSS,
// fonts and icons copied into public/dsfr by `react-dsfr copy-dsfr-to-public`, served by the gateway: no CDN). The
// build goes to dist/admin, which the gateway serves at / beside /api; `vite` alone serves it with a proxy to the
// gateway for development. `vitest run --config apps/admin/vite.config.ts` tests its components (the test command).
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: __dirname,
  plugins: [
    react(),
    // a service worker (Workbox, issue 27): the app's page, its code, the design system's styles and fonts kept on the
    // device, so that the trainer's émargement opens and works without a network (its marks wait in a queue:
    // mark-queue.ts); the API is never cached, the rest of /dsfr (icons, favicons) is kept as it is first used
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        // the first visit's page is kept from its first minute, not from its next visit
        clientsClaim: true,
        skipWaiting: true,
        globPatterns: [
          'index.html',
          'assets/**/*.{js,css}',
          'dsfr/dsfr.min.css',
          'dsfr/utility/icons/icons.min.css',
          'dsfr/fonts/*.woff2',
        ],
        ignoreURLParametersMatching: [/^v$/],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/(api|health|docs|verification|metrics)(\/|$)/],
        runtimeCaching: [
          { urlPattern: /\/admin-config\.json$/, handler: 'NetworkFirst', options: { cacheName: 'forma-config' } },
          { urlPattern: /\/dsfr\//, handler: 'CacheFirst', options: { cacheName: 'forma-dsfr' } },
        ],
      },
    }),
  ],
  resolve: {
    alias: {
      '@forma/api-client': resolve(__dirname, '../../libs/api-client/src/index.ts'),
      '@forma/domain/school-year': resolve(__dirname, '../../libs/domain/src/school-year.ts'),
      '@forma/authorisation-matrix': resolve(__dirname, '../../docs/authorisation-matrix.json'),
    },
  },
  build: { outDir: resolve(__dirname, '../../dist/admin'), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  // the components' logic, in a simulated DOM (happy-dom) with Testing Library; the journeys run in Chromium
  // (apps/platform-e2e/src/admin*.int-spec.ts)
  test: { environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});

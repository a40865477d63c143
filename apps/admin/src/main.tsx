import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './App';
import { SessionProvider } from './session';

startReactDsfr({ defaultColorScheme: 'light' });
// the service worker that keeps the app on the device (vite.config.ts): the émargement opens without a network
// never reloads the page by itself when a new version takes over (the token lives in memory: a reload would sign the
// person out, and a sign-in's return read twice would fail); the next page load runs the new version
if ('serviceWorker' in navigator) registerSW({ immediate: true, onNeedReload: () => undefined });

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: 1 } } })}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);

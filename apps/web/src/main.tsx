import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import './i18n';
import './styles.css';
import { SessionProvider } from './api/session';
import { RealtimeProvider } from './api/realtime';
import { QueryProvider } from './api/query';
import { AppRoutes } from './app/routes';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Suspense fallback={null}>
      <SessionProvider>
        <RealtimeProvider>
          <QueryProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </QueryProvider>
        </RealtimeProvider>
      </SessionProvider>
    </Suspense>
  </StrictMode>,
);

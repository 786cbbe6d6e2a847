import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/600.css';
import '@fontsource/sarabun/700.css';
import '@mantine/core/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { setupI18n } from './lib/i18n.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// English readers wait for their catalogue (a small fetch) rather than seeing Thai first.
void setupI18n().finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

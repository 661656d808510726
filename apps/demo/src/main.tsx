import { KlensProvider } from '@klens/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Dashboard } from './dashboard.js';
import { demoToken } from './demo-token.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <KlensProvider serverUrl={window.location.origin} getToken={demoToken}>
      <Dashboard />
    </KlensProvider>
  </StrictMode>,
);

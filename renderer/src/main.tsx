// Entry point: take the access token out of the address first, then start the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ingenFormularHistorik } from './ingenFormularHistorik';
import { captureToken, watchToken } from './token';
// The shared styles in the cascade order they have always had; each area's own CSS is imported by its components.
import './styles.css';
import './start/start.css';
import './components/forms.css';
import './components/data.css';
import './oversikt/oversikt.css';
import './components/lists.css';
import './components/insats.css';
import './responsive.css';
import './elever/elever.css';
import './components/tabs.css';

captureToken();
watchToken();

const root = document.getElementById('root');
if (!root) throw new Error('#root saknas i index.html');
ingenFormularHistorik(root);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

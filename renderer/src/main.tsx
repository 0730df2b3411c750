// Entry point: take the access token out of the address first, then start the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ingenFormularHistorik } from './ingenFormularHistorik';
import { captureToken } from './token';
import './styles.css';

captureToken();

const root = document.getElementById('root');
if (!root) throw new Error('#root saknas i index.html');
ingenFormularHistorik(root);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

/** Draws the app into the page: the bulk of the renderer's code, loaded by main.ts once it has asked for the design. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { KIND_COLOUR } from '../../shared/diagram/theme.js';
import { App } from './App.js';

// Each node kind's accent comes from the one table the exported diagram uses too (`--kind-<kind>` in the stylesheet).
for (const [kind, colour] of Object.entries(KIND_COLOUR))
  document.documentElement.style.setProperty(`--kind-${kind}`, colour);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

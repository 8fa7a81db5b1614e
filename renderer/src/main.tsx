// First, before the rest of the app's code is evaluated: ask for the design (see the module).
import './api/initial-design.js';
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

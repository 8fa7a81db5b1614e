import { useEffect, useState } from 'react';
import type { OpenResult } from '../../shared/api.js';
import { api } from './api/client.js';

export function App() {
  const [opened, setOpened] = useState<OpenResult | undefined>();
  useEffect(() => {
    void api.initialDesign().then(setOpened);
  }, []);
  useEffect(() => {
    if (opened?.ok) document.title = `${opened.design.name} — Netloom`;
  }, [opened]);
  if (!opened) return <p>Loading…</p>;
  if (!opened.ok) return <p role="alert">{opened.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}</p>;
  return <h1 data-testid="design-name">{opened.design.name}</h1>;
}

import { useEffect, useState } from 'react';
import type { NetloomApi, OpenResult } from '../../shared/api.js';

declare global {
  interface Window {
    netloom: NetloomApi;
  }
}

export function App() {
  const [opened, setOpened] = useState<OpenResult | undefined>();
  useEffect(() => {
    void window.netloom.initialDesign().then(setOpened);
  }, []);
  if (!opened) return <p>Loading…</p>;
  if (!opened.ok) return <p role="alert">{opened.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}</p>;
  return <h1>{opened.design.name}</h1>;
}

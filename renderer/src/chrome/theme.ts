/** Light or dark: the person's choice, else the system's (prefers-color-scheme), applied as `data-theme` on <html>. */
import { useEffect } from 'react';
import { useAppStore } from '../store/store.js';

export function useTheme(): void {
  const choice = useAppStore((s) => s.theme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = choice === 'dark' || (choice === 'system' && media.matches);
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [choice]);
}

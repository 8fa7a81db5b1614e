/** The designer window: menu and toolbar, palette, canvas with problems below, inspector or preview on the right. */
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { useEffect } from 'react';
import { provideServices, useShortcuts } from './actions/run.js';
import { Canvas } from './canvas/Canvas.js';
import { CommandPalette, ShortcutList } from './chrome/CommandPalette.js';
import { DialogHost } from './chrome/DialogHost.js';
import { DeployPanel } from './deploy/DeployPanel.js';
import { FirewallPanel } from './firewall/FirewallPanel.js';
import { MenuBar } from './chrome/MenuBar.js';
import { useTheme } from './chrome/theme.js';
import { Toasts } from './chrome/Toasts.js';
import { Toolbar } from './chrome/Toolbar.js';
import { services, startSession } from './files/session.js';
import { Inspector } from './panels/inspector-form/Inspector.js';
import { LoadFailure } from './panels/LoadFailure.js';
import { Palette } from './panels/Palette.js';
import { Problems } from './panels/Problems.js';
import { Preview } from './preview/Preview.js';
import { useAppStore } from './store/store.js';

provideServices(services);

function SidePanel() {
  const panel = useAppStore((s) => s.sidePanel);
  return (
    <aside className="sidebar side-panel" aria-label={panel === 'inspector' ? 'Inspector' : 'Config preview'}>
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={panel === 'inspector'}
          className={`tab${panel === 'inspector' ? ' is-active' : ''}`}
          onClick={() => useAppStore.setState({ sidePanel: 'inspector' })}
          data-testid="tab-inspector"
        >
          Inspector
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={panel === 'preview'}
          className={`tab${panel === 'preview' ? ' is-active' : ''}`}
          onClick={() => useAppStore.setState({ sidePanel: 'preview' })}
          data-testid="tab-preview"
        >
          Config
        </button>
      </div>
      {panel === 'inspector' ? <Inspector /> : <Preview />}
    </aside>
  );
}

export function App() {
  useTheme();
  useShortcuts();
  useEffect(() => {
    void startSession();
  }, []);
  return (
    <div className="app">
      <header className="app-head">
        <MenuBar />
        <Toolbar />
      </header>
      <main className="workspace">
        <Palette />
        <div className="centre">
          <div className="canvas-wrap">
            <Canvas />
            <LoadFailure />
          </div>
          <Problems />
        </div>
        <SidePanel />
      </main>
      <Toasts />
      <DeployPanel />
      <FirewallPanel />
      <DialogHost />
      <CommandPalette />
      <ShortcutList />
    </div>
  );
}

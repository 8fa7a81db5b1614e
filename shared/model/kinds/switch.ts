/** A Dell OS6 or Cisco IOS switch (or stack): a frame holding its ports and port-channels. */
import type { Design, Switch } from '../schema.js';
import { defineKind } from './define.js';

export const switchKind = defineKind<Switch, Design>()({
  id: 'switch',
  owner: 'design',
  collection: 'switches',
  label: 'switch',
  title: (s) => s.name,
  references: [{ field: 'mlagPeer', to: ['switch'], onDelete: 'drop-ref' }],
  check: (sw, _design, report) => {
    if (sw.mlagPeer === sw.id) report('mlagPeer', `switch ${sw.name} cannot be its own MLAG peer`);
  },
  frame: true,
  palette: { hint: 'A Dell OS6 or Cisco IOS switch' },
  icon: 'M2 8h20v8H2zM6 12h.01M10 12h.01M14 12h.01M18 12h.01',
});

/** A cable from a host port to a switch port. */
import type { Cable, Design } from '../schema.js';
import { defineKind } from './define.js';

export const cable = defineKind<Cable, Design>()({
  id: 'cable',
  owner: 'design',
  collection: 'cables',
  label: 'cable',
  title: () => 'Cable',
  phrase: (c) => `cable ${c.id}`,
  references: [
    { field: 'hostPort', to: ['port'], onDelete: 'delete-self' },
    { field: 'switchPort', to: ['switch-port'], onDelete: 'delete-self' },
  ],
  link: { kind: 'cable', label: 'Cable', source: 'hostPort', target: 'switchPort', edge: 'cable' },
  icon: 'M4 18c6 0 4-12 16-12',
});

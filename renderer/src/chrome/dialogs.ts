/**
 * In-app dialogs as promises: ask for a path (a browser has no native file
 * dialog), pick one of several choices, confirm. One dialog at a time; the
 * `DialogHost` component draws it.
 */
import { create } from 'zustand';

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly detail?: string;
}

export type DialogRequest =
  | {
      readonly kind: 'text';
      readonly title: string;
      readonly message?: string;
      readonly label: string;
      readonly initial: string;
      readonly confirm: string;
      readonly suggestions?: readonly string[];
    }
  | { readonly kind: 'choice'; readonly title: string; readonly message?: string; readonly choices: readonly Choice[] }
  | {
      readonly kind: 'confirm';
      readonly title: string;
      readonly message: string;
      readonly confirm: string;
      readonly deny?: string;
      readonly danger?: boolean;
    };

interface DialogState {
  readonly current: (DialogRequest & { resolve(value: string | null): void }) | null;
}

export const useDialogStore = create<DialogState>(() => ({ current: null }));

function open(request: DialogRequest): Promise<string | null> {
  return new Promise((resolve) => {
    useDialogStore.getState().current?.resolve(null);
    useDialogStore.setState({
      current: {
        ...request,
        resolve: (value) => {
          useDialogStore.setState({ current: null });
          resolve(value);
        },
      },
    });
  });
}

export const askText = (request: Omit<Extract<DialogRequest, { kind: 'text' }>, 'kind'>) =>
  open({ kind: 'text', ...request });
export const askChoice = (request: Omit<Extract<DialogRequest, { kind: 'choice' }>, 'kind'>) =>
  open({ kind: 'choice', ...request });
/** Resolves 'confirm', 'deny' or null (cancelled). */
export const askConfirm = (request: Omit<Extract<DialogRequest, { kind: 'confirm' }>, 'kind'>) =>
  open({ kind: 'confirm', ...request });

/**
 * A read-only CodeMirror 6 view of one generated file, optionally showing the
 * changes against an earlier text (the last export) inline.
 */
import { unifiedMergeView } from '@codemirror/merge';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { configHighlighting, configLanguage } from './config-language.js';
import { visible } from '../../../shared/text/visible.js';

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '12.5px', backgroundColor: 'var(--code-bg)', color: 'var(--cm-text)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', border: 'none' },
  '.cm-content': { caretColor: 'transparent' },
});

export function ConfigView({ text, original, testId }: { text: string; original: string | null; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const diff = useRef(new Compartment());

  useEffect(() => {
    view.current = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: visible(text),
        extensions: [
          lineNumbers(),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          configLanguage,
          configHighlighting,
          theme,
          diff.current.of([]),
        ],
      }),
    });
    return () => view.current?.destroy();
    // Created once; text and diff changes are dispatched by the effect below.
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    // Escape sequences and bidi controls from the design are shown, never interpreted.
    const shown = visible(text);
    const current = v.state.doc.toString();
    v.dispatch({
      ...(current === shown ? {} : { changes: { from: 0, to: current.length, insert: shown } }),
      effects: diff.current.reconfigure(
        original === null
          ? []
          : unifiedMergeView({
              original: visible(original),
              mergeControls: false,
              gutter: true,
              collapseUnchanged: { margin: 3, minSize: 6 },
            }),
      ),
    });
  }, [text, original]);

  return <div className="config-view" ref={host} data-testid={testId} />;
}

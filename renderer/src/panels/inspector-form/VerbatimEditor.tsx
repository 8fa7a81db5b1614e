/**
 * Lines Netloom writes as they are: an interface's extra lines and a host's
 * unmanaged blocks, edited as text with one line per entry and checked by the
 * rules of `shared/model/verbatim.ts` before they are committed; the lines
 * that run as root on the host (`shared/model/root-commands.ts`) are named
 * under the text.
 */
import { useId, useState } from 'react';
import type { Host } from '../../../../shared/model/schema.js';
import { rootCommands } from '../../../../shared/model/root-commands.js';
import { extraLinesProblems, unmanagedBlockProblems, type VerbatimProblem } from '../../../../shared/model/verbatim.js';
import { fieldCommit } from './commit-hooks.js';

/** The entries of a text: one per line, trailing blank lines left out. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines;
}

function LinesField(props: {
  label: string;
  lines: readonly string[];
  check: (lines: readonly string[]) => VerbatimProblem[];
  commit: (lines: readonly string[]) => string | undefined;
  placeholder: string;
  testId: string;
}) {
  const id = useId();
  const text = props.lines.join('\n');
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const shown = draft ?? text;
  const save = () => {
    if (draft === null || draft === text) {
      setDraft(null);
      setError(undefined);
      return;
    }
    const lines = linesOf(draft);
    const problem = props.check(lines)[0];
    const refused = problem ? `line ${problem.index + 1} ${problem.message}` : props.commit(lines);
    setError(refused);
    if (!refused) setDraft(null);
  };
  const commands = rootCommands(linesOf(shown));
  return (
    <div className={`field field-lines${error ? ' has-error' : ''}`} data-testid={props.testId}>
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        className="nodrag nokey verbatim-lines"
        rows={Math.max(2, shown.split('\n').length)}
        value={shown}
        placeholder={props.placeholder}
        spellCheck={false}
        wrap="off"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
          if (e.key === 'Escape') {
            setDraft(null);
            setError(undefined);
          }
        }}
        aria-invalid={error !== undefined}
      />
      {commands.length > 0 && (
        <ul className="root-commands" data-testid={`${props.testId}-root`}>
          {commands.map((c) => (
            <li key={c.line} className="root-command small">
              line {c.line + 1} runs as root: <code>{c.command}</code>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid={`${props.testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** An interface's extra lines: written at the end of its stanza, as they are. */
export function ExtraLinesEditor({ id, lines }: { id: string; lines: readonly string[] }) {
  const commit = fieldCommit(id, 'extraLines', (v) => ({
    extraLines: (v as string[]).length > 0 ? v : undefined,
  }));
  return (
    <LinesField
      label="Extra lines"
      lines={lines}
      check={extraLinesProblems}
      commit={commit}
      placeholder="post-up ip route add 192.0.2.0/24 via 10.0.0.1"
      testId="field-extraLines"
    />
  );
}

/** A host's unmanaged blocks (whole stanzas written after the modelled ones), one text each, and one more for a new block. */
export function UnmanagedEditor({ host }: { host: Host }) {
  const blocksWith = (index: number, lines: readonly string[]) => {
    const blocks = [...host.unmanaged];
    blocks[index] = [...lines];
    return { unmanaged: blocks.filter((b) => b.length > 0) };
  };
  return (
    <>
      {[...host.unmanaged, []].map((block, index) => (
        <LinesField
          key={index}
          label={index < host.unmanaged.length ? `Block ${index + 1}` : 'New block'}
          lines={block}
          check={unmanagedBlockProblems}
          commit={fieldCommit(host.id, 'unmanaged', (v) => blocksWith(index, v as string[]))}
          placeholder={index < host.unmanaged.length ? '' : 'auto vxlan10\niface vxlan10 inet manual'}
          testId={`field-unmanaged-${index}`}
        />
      ))}
    </>
  );
}

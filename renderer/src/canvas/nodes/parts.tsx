/** Pieces every element node is made of: frame, title, badge, handles. */
import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { HANDLE } from '../../../../shared/edit/connect.js';
import type { Decoration } from '../flow-types.js';
import { useLod } from '../lod.js';
import { KindIcon, type IconKind } from '../../chrome/KindIcon.js';
import { HEALTH_LABEL } from '../../store/live.js';

/** "2 problems", "1 warning", "1 info": what a badge means, as its tooltip. */
export const problemsTitle = (problems: number, worst: NonNullable<Decoration['worst']>): string =>
  `${problems} ${worst === 'error' ? 'problem' : worst}${problems > 1 && worst !== 'info' ? 's' : ''}`;

/** The problem badge of an edge: a numbered dot in the worst severity's colour, with its meaning as a tooltip. */
export function EdgeBadge({
  x,
  y,
  problems,
  worst,
}: Pick<Decoration, 'problems' | 'worst'> & { x: number; y: number }) {
  if (problems === 0 || !worst) return null;
  return (
    <g className={`edge-badge badge-${worst}`} data-testid="edge-badge" aria-label={problemsTitle(problems, worst)}>
      <title>{problemsTitle(problems, worst)}</title>
      <circle cx={x} cy={y} r={7} />
      <text x={x} y={y} dy={3} textAnchor="middle">
        {problems}
      </text>
    </g>
  );
}

export function ProblemBadge({ problems, worst }: Pick<Decoration, 'problems' | 'worst'>) {
  if (problems === 0 || !worst) return null;
  return (
    <span className={`badge badge-${worst}`} data-testid="problem-badge" title={problemsTitle(problems, worst)}>
      {problems}
    </span>
  );
}

/** Marks an element or host that carries lines written as they are; the inspector shows and edits them. */
export function VerbatimBadge({ verbatim, what }: { verbatim: Decoration['verbatim']; what: string }) {
  if (!verbatim) return null;
  const root = verbatim.rootCommands > 0 ? `, ${verbatim.rootCommands} run as root` : '';
  return (
    <span
      className={`verbatim-badge${verbatim.rootCommands > 0 ? ' has-root' : ''}`}
      data-testid="verbatim-badge"
      title={`${verbatim.lines} line${verbatim.lines === 1 ? '' : 's'} written as they are (${what}${root}); see the inspector`}
    >
      ¶{verbatim.lines}
    </span>
  );
}

/** A node's tooltip: its title and detail, then why live status gives it its health, if it says. */
function tooltipOf(title: string, detail: string | undefined, { health, healthReason }: Decoration): string {
  const head = detail ? `${title} · ${detail}` : title;
  return health && healthReason ? `${head}\n${HEALTH_LABEL[health]}: ${healthReason}` : head;
}

export function ElementBody(props: {
  kind: IconKind;
  title: string;
  detail?: string;
  decoration: Decoration;
  selected: boolean;
  accent?: string;
  children?: ReactNode;
  testId: string;
}) {
  const lod = useLod();
  const { decoration } = props;
  const classes = [
    'el',
    `el-${props.kind}`,
    props.selected ? 'is-selected' : '',
    decoration.health ? `health-${decoration.health}` : '',
    lod === 'full' ? '' : `is-${lod}`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      data-testid={props.testId}
      title={tooltipOf(props.title, props.detail, decoration)}
      style={{ ['--accent' as string]: props.accent ?? `var(--kind-${props.kind})` }}
    >
      {lod === 'minimal' ? null : lod === 'simple' ? (
        <span className="el-title">{props.title}</span>
      ) : (
        <>
          <KindIcon kind={props.kind} />
          <div className="el-text">
            <span className="el-title">{props.title}</span>
            {props.detail && <span className="el-detail">{props.detail}</span>}
          </div>
          {decoration.drift && (
            <span className="drift" title="Live state differs from the design">
              ≠
            </span>
          )}
        </>
      )}
      {lod === 'full' && <VerbatimBadge verbatim={decoration.verbatim} what="extra lines" />}
      <ProblemBadge problems={decoration.problems} worst={decoration.worst} />
      {props.children}
    </div>
  );
}

/** The handle on top (towards bridges and VMs) and the one at the bottom (towards ports and cables). */
export function UpHandle() {
  return <Handle type="source" position={Position.Top} id={HANDLE.up} className="handle" />;
}
export function DownHandle() {
  return <Handle type="target" position={Position.Bottom} id={HANDLE.down} className="handle" />;
}

/**
 * The firewall panel: one Proxmox VE firewall level at a time (datacenter,
 * a host, a VM) with its options, its rules as an ordered table (drag a row,
 * or Alt+Up/Down on it, to reorder; the checkbox enables a rule) and, where
 * pve-firewall has them, aliases and IP sets (each alias and IP set entry
 * edited in place, with the checks of adding one). Every change goes through the
 * store as one history step, checked as the design loads; a refused change
 * says why and changes nothing. Non-modal, docked over the canvas.
 */
import './firewall.css';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { runsPveFirewall } from '../../../shared/derive/firewall.js';
import {
  editFirewall,
  firewallAt,
  hasSets,
  moveItem,
  renameReferences,
  setFirewall,
  withAliases,
  withIpSets,
  withRules,
  type AnyLevelFirewall,
  type FirewallLevelRef,
  type LevelRule,
} from '../../../shared/edit/firewall.js';
import { checkedEdit } from '../../../shared/edit/update.js';
import {
  FIREWALL_ACTIONS,
  FIREWALL_MACROS,
  FirewallAlias,
  FirewallRule,
  IpSet,
  IpSetEntry,
  LOG_LEVELS,
  VmFirewallRule,
  type SecurityGroup,
  formatRule,
} from '../../../shared/model/firewall.js';
import type { Design } from '../../../shared/model/schema.js';
import { visible } from '../../../shared/text/visible.js';
import { runAction } from '../actions/run.js';
import { useAppStore } from '../store/store.js';
import { closeFirewall, openFirewall, useFirewallView } from './firewall-view.js';

/** Applies one edit as one history step if the design still loads; else the first problem, in words. */
function commit(next: (design: Design) => Design): string | undefined {
  const store = useAppStore.getState();
  const result = checkedEdit(next(store.design));
  if (!result.ok) {
    const first = result.problems[0];
    return first ? `${first.path}: ${first.message}` : 'the design would not load';
  }
  store.edit(() => result.design);
  return undefined;
}

/**
 * Undo and redo while the focus is in the panel (outside text fields, which have their own): the
 * window's shortcuts stand back inside dialogs, so Delete and friends never reach the canvas from here.
 */
function onPanelKey(e: KeyboardEvent): void {
  const key = e.key.toLowerCase();
  if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || (key !== 'z' && key !== 'y')) return;
  if (e.target instanceof HTMLElement && ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.target.tagName)) return;
  e.preventDefault();
  runAction(key === 'y' || e.shiftKey ? 'redo' : 'undo');
}

/** The first problem zod finds, as `field: message`. */
function firstIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

const refKey = (ref: FirewallLevelRef) => (ref.kind === 'datacenter' ? 'datacenter' : `${ref.kind}:${ref.id}`);

function levelOptions(design: Design): { key: string; ref: FirewallLevelRef; label: string }[] {
  return [
    { key: 'datacenter', ref: { kind: 'datacenter' }, label: 'Datacenter (cluster.fw)' },
    ...design.hosts.filter(runsPveFirewall).flatMap((h) => [
      { key: `host:${h.id}`, ref: { kind: 'host', id: h.id } as const, label: `Host ${h.name} (host.fw)` },
      ...h.vms.map((v) => ({
        key: `vm:${v.id}`,
        ref: { kind: 'vm', id: v.id } as const,
        label: `VM ${v.name} (${v.vmid}.fw)`,
      })),
    ]),
  ];
}

export function FirewallPanel() {
  const { place, seq } = useFirewallView();
  const design = useAppStore((s) => s.design);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setError(undefined), [place]);
  if (!place) return null;
  const levels = levelOptions(design);
  // A host or VM that is gone (deleted, another design opened) leaves the datacenter level.
  const level = levels.some((l) => l.key === refKey(place.level)) ? place.level : levels[0]!.ref;
  const firewall = firewallAt(design, level);
  const run = (next: (d: Design) => Design) => {
    const problem = commit(next);
    setError(problem);
    return problem === undefined;
  };
  const edit = (fn: (fw: AnyLevelFirewall) => AnyLevelFirewall) => run((d) => editFirewall(d, level, fn));
  return (
    <aside
      className="docked-panel fw-panel"
      role="dialog"
      aria-label="Firewall"
      data-testid="firewall-panel"
      onKeyDown={onPanelKey}
    >
      <header className="docked-head fw-head">
        <h2>Firewall</h2>
        <select
          aria-label="Level"
          value={refKey(level)}
          onChange={(e) => {
            const chosen = levels.find((l) => l.key === e.target.value);
            if (chosen) openFirewall({ level: chosen.ref });
          }}
          data-testid="fw-level"
        >
          {levels.map((l) => (
            <option key={l.key} value={l.key}>
              {l.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button subtle"
          aria-label="Close"
          onClick={closeFirewall}
          data-testid="firewall-close"
        >
          ✕
        </button>
      </header>
      <div className="fw-body">
        {error && (
          <p className="fw-problem" role="alert" data-testid="fw-error">
            {visible(error)}
          </p>
        )}
        {!firewall ? (
          <div className="fw-unmanaged">
            <p className="muted small">The design does not manage this firewall: Netloom writes no file for it.</p>
            <button type="button" className="button" onClick={() => edit((fw) => fw)} data-testid="fw-manage">
              Manage this firewall
            </button>
          </div>
        ) : (
          <>
            <Options
              firewall={firewall}
              onByDefault={level.kind === 'host'}
              edit={edit}
              onUnmanage={() => run((d) => setFirewall(d, level, undefined))}
            />
            <Rules
              key={refKey(level)}
              level={level}
              rules={firewall.rules}
              highlight={level === place.level ? place.rule : undefined}
              seq={seq}
              edit={edit}
            />
            {'groups' in firewall && <Groups groups={firewall.groups} />}
            {hasSets(firewall) && (
              <>
                <Aliases
                  aliases={firewall.aliases}
                  save={(aliases, renamed) =>
                    run((d) => {
                      const next = editFirewall(d, level, (fw) => (hasSets(fw) ? withAliases(fw, aliases) : fw));
                      return renamed && level.kind !== 'host'
                        ? renameReferences(next, level, 'alias', renamed.from, renamed.to)
                        : next;
                    })
                  }
                  setError={setError}
                />
                <IpSets
                  ipsets={firewall.ipsets}
                  highlight={level === place.level ? place.ipset : undefined}
                  save={(ipsets) => edit((fw) => (hasSets(fw) ? withIpSets(fw, ipsets) : fw))}
                  setError={setError}
                />
              </>
            )}
          </>
        )}
      </div>
    </aside>
  );
}

/** Applies a change to the level's firewall as one history step; false when it was refused (the panel says why). */
type Edit = (fn: (fw: AnyLevelFirewall) => AnyLevelFirewall) => boolean;

interface InPlaceField {
  readonly label: string;
  readonly value: string;
  readonly testId: string;
}

/** A list entry's fields edited in place: Enter or Save hands them to `onSave`, Escape or Cancel leaves them as they were. */
function InPlaceForm(props: {
  fields: readonly InPlaceField[];
  onSave: (values: readonly string[]) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(() => props.fields.map((f) => f.value));
  return (
    <form
      className="fw-add fw-in-place"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(values);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        props.onCancel();
      }}
    >
      {props.fields.map((f, i) => (
        <input
          key={f.testId}
          aria-label={f.label}
          value={values[i]}
          autoFocus={i === 0}
          onChange={(e) => setValues((vs) => vs.map((v, k) => (k === i ? e.target.value : v)))}
          data-testid={f.testId}
        />
      ))}
      <button type="submit" className="button" data-testid="fw-in-place-save">
        Save
      </button>
      <button type="button" className="button subtle" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** An alias from the name and CIDR a person typed (the rest of `was` kept), or the first problem. */
function parseAlias(name: string, cidr: string, was?: FirewallAlias) {
  return FirewallAlias.safeParse({ ...was, name: name.trim(), cidr: cidr.trim() });
}

/** An IP set entry from its text (`10.0.0.0/24`, or `!10.0.0.5` to exclude it; the rest of `was` kept), or the first problem. */
function parseEntry(text: string, was?: IpSetEntry) {
  const trimmed = text.trim();
  const nomatch = trimmed.startsWith('!');
  return IpSetEntry.safeParse({ ...was, cidr: nomatch ? trimmed.slice(1) : trimmed, nomatch });
}

/** `enable` and the default policies, where the level has them; absent means pve-firewall's default. */
function Options(props: {
  firewall: AnyLevelFirewall;
  /** pve-firewall's default for `enable`: on for a host (with the datacenter), off elsewhere. */
  onByDefault: boolean;
  edit: Edit;
  onUnmanage: () => void;
}) {
  const options: Readonly<Record<string, unknown>> = props.firewall.options;
  const set = (key: string, value: unknown) =>
    props.edit((fw) => {
      const next: Record<string, unknown> = { ...fw.options };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return { ...fw, options: next } as AnyLevelFirewall;
    });
  // pve-firewall has default policies for the datacenter and VMs; a host follows the datacenter's.
  const policies = hasSets(props.firewall) ? (['policyIn', 'policyOut'] as const) : [];
  return (
    <section className="fw-section" aria-label="Options">
      <div className="fw-options">
        <label>
          <input
            type="checkbox"
            checked={props.onByDefault ? options['enable'] !== false : options['enable'] === true}
            onChange={(e) => set('enable', e.target.checked === props.onByDefault ? undefined : e.target.checked)}
            data-testid="fw-opt-enable"
          />{' '}
          Firewall on
        </label>
        {policies.map((key) => (
          <label key={key}>
            {key === 'policyIn' ? 'Input policy' : 'Output policy'}{' '}
            <select
              value={typeof options[key] === 'string' ? options[key] : ''}
              onChange={(e) => set(key, e.target.value || undefined)}
              data-testid={`fw-opt-${key}`}
            >
              <option value="">default ({key === 'policyIn' ? 'DROP' : 'ACCEPT'})</option>
              {FIREWALL_ACTIONS.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
        ))}
        <button type="button" className="button subtle small" onClick={props.onUnmanage} data-testid="fw-unmanage">
          Stop managing
        </button>
      </div>
    </section>
  );
}

/** The fields of the rule form, as text; empty means absent. */
interface RuleForm {
  type: string;
  action: string;
  macro: string;
  group: string;
  source: string;
  dest: string;
  proto: string;
  dport: string;
  sport: string;
  iface: string;
  icmpType: string;
  log: string;
  comment: string;
  enabled: boolean;
}

const TEXT_FIELDS = [
  ['source', 'Source'],
  ['dest', 'Destination'],
  ['proto', 'Protocol'],
  ['dport', 'Dest. port'],
  ['sport', 'Source port'],
  ['iface', 'Interface'],
  ['icmpType', 'ICMP type'],
  ['comment', 'Comment'],
] as const satisfies readonly (readonly [keyof RuleForm, string])[];

/** The rule's fields picked from a list; `none` names the empty choice where the field may be left out. */
const CHOICE_FIELDS = [
  { key: 'action', label: 'Action', choices: FIREWALL_ACTIONS },
  { key: 'macro', label: 'Macro', choices: FIREWALL_MACROS, none: 'none' },
  { key: 'log', label: 'Log', choices: LOG_LEVELS, none: 'default' },
] as const satisfies readonly {
  key: keyof RuleForm;
  label: string;
  choices: readonly string[];
  none?: string;
}[];

function formOf(rule: LevelRule | undefined): RuleForm {
  const text = (v: string | undefined) => v ?? '';
  if (!rule) {
    return {
      type: 'in',
      action: 'ACCEPT',
      macro: '',
      group: '',
      source: '',
      dest: '',
      proto: '',
      dport: '',
      sport: '',
      iface: '',
      icmpType: '',
      log: '',
      comment: '',
      enabled: true,
    };
  }
  const base = { ...formOf(undefined), enabled: rule.enabled, comment: text(rule.comment), iface: text(rule.iface) };
  if (rule.type === 'group') return { ...base, type: 'group', group: rule.group };
  return {
    ...base,
    type: rule.type,
    action: rule.action,
    macro: text(rule.macro),
    source: text(rule.source),
    dest: text(rule.dest),
    proto: text(rule.proto),
    dport: text(rule.dport),
    sport: text(rule.sport),
    icmpType: text(rule.icmpType),
    log: text(rule.log),
  };
}

/** The rule the form describes, checked as the level's rules are; else the first problem. */
function ruleOf(form: RuleForm, level: FirewallLevelRef): { rule: LevelRule } | { problem: string } {
  const set = (entries: readonly (readonly [string, string])[]) =>
    Object.fromEntries(entries.filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
  const raw =
    form.type === 'group'
      ? {
          type: 'group',
          group: form.group.trim(),
          enabled: form.enabled,
          ...set([
            ['iface', form.iface],
            ['comment', form.comment],
          ]),
        }
      : {
          type: form.type,
          action: form.action,
          enabled: form.enabled,
          ...set([
            ['macro', form.macro],
            ['source', form.source],
            ['dest', form.dest],
            ['proto', form.proto],
            ['dport', form.dport],
            ['sport', form.sport],
            ['iface', form.iface],
            ['icmpType', form.icmpType],
            ['log', form.log],
            ['comment', form.comment],
          ]),
        };
  const parsed = level.kind === 'vm' ? VmFirewallRule.safeParse(raw) : FirewallRule.safeParse(raw);
  return parsed.success ? { rule: parsed.data } : { problem: firstIssue(parsed.error.issues) };
}

function RuleEditor(props: {
  level: FirewallLevelRef;
  initial: LevelRule | undefined;
  onSave: (rule: LevelRule) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<RuleForm>(() => formOf(props.initial));
  const [problem, setProblem] = useState<string | undefined>();
  const types = props.level.kind === 'vm' ? ['in', 'out', 'group'] : ['in', 'out', 'forward', 'group'];
  const change = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = () => {
    const result = ruleOf(form, props.level);
    if ('problem' in result) setProblem(result.problem);
    else props.onSave(result.rule);
  };
  return (
    <form
      className="fw-rule-form"
      data-testid="fw-rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label>
        Direction
        <select value={form.type} onChange={(e) => change('type', e.target.value)} data-testid="fw-form-type">
          {types.map((t) => (
            <option key={t} value={t}>
              {t === 'group' ? 'GROUP' : t.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      {form.type === 'group' ? (
        <label>
          Security group
          <input value={form.group} onChange={(e) => change('group', e.target.value)} data-testid="fw-form-group" />
        </label>
      ) : (
        CHOICE_FIELDS.map((field) => (
          <label key={field.key}>
            {field.label}
            <select
              value={form[field.key]}
              onChange={(e) => change(field.key, e.target.value)}
              data-testid={`fw-form-${field.key}`}
            >
              {'none' in field && <option value="">{field.none}</option>}
              {field.choices.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        ))
      )}
      {TEXT_FIELDS.filter(([key]) => form.type !== 'group' || key === 'iface' || key === 'comment').map(
        ([key, label]) => (
          <label key={key}>
            {label}
            <input
              value={form[key]}
              onChange={(e) => change(key, e.target.value)}
              data-testid={`fw-form-${key}`}
              spellCheck={false}
            />
          </label>
        ),
      )}
      <label className="fw-inline">
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(e) => change('enabled', e.target.checked)}
          data-testid="fw-form-enabled"
        />{' '}
        Enabled
      </label>
      {problem && (
        <p className="fw-problem" role="alert" data-testid="fw-form-error">
          {visible(problem)}
        </p>
      )}
      <div className="fw-form-buttons">
        <button type="button" className="button" onClick={props.onCancel} data-testid="fw-form-cancel">
          Cancel
        </button>
        <button type="submit" className="button primary" data-testid="fw-form-save">
          Save rule
        </button>
      </div>
    </form>
  );
}

function Rules(props: {
  level: FirewallLevelRef;
  rules: readonly LevelRule[];
  highlight: number | undefined;
  seq: number;
  edit: Edit;
}) {
  const { rules } = props;
  /** The rule being edited: its index, or `rules.length` for a new one. */
  const [editing, setEditing] = useState<number | undefined>();
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  useEffect(() => {
    if (props.highlight === undefined) return;
    const row = rows.current[props.highlight];
    row?.scrollIntoView({ block: 'nearest' });
    row?.focus();
  }, [props.seq, props.highlight]);
  const save = (next: readonly LevelRule[]) => props.edit((fw) => withRules(fw, next));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= rules.length || from === to) return;
    save(moveItem(rules, from, to));
    requestAnimationFrame(() => rows.current[to]?.focus());
  };
  const onRowKey = (e: KeyboardEvent, i: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
  };
  return (
    <section className="fw-section" aria-label="Rules">
      <h3>
        Rules <span className="muted small">first match decides; drag a row or press Alt+↑/↓ on it to reorder</span>
      </h3>
      <table className="fw-rules" data-testid="fw-rules">
        <tbody>
          {rules.map((rule, i) => (
            <RuleRow
              key={i}
              i={i}
              rule={rule}
              count={rules.length}
              highlighted={props.highlight === i}
              rowRef={(el) => {
                rows.current[i] = el;
              }}
              onKey={(e) => onRowKey(e, i)}
              onMove={move}
              onToggle={(enabled) => save(rules.map((r, k) => (k === i ? { ...r, enabled } : r)))}
              onEdit={() => setEditing(i)}
              onDelete={() => save(rules.filter((_, k) => k !== i))}
              editor={
                editing === i ? (
                  <RuleEditor
                    level={props.level}
                    initial={rule}
                    onCancel={() => setEditing(undefined)}
                    onSave={(next) => {
                      save(rules.map((r, k) => (k === i ? next : r)));
                      setEditing(undefined);
                    }}
                  />
                ) : undefined
              }
            />
          ))}
        </tbody>
      </table>
      {rules.length === 0 && <p className="muted small">No rules: the policy decides.</p>}
      {editing === rules.length ? (
        <RuleEditor
          level={props.level}
          initial={undefined}
          onCancel={() => setEditing(undefined)}
          onSave={(rule) => {
            save([...rules, rule]);
            setEditing(undefined);
          }}
        />
      ) : (
        <button type="button" className="button" onClick={() => setEditing(rules.length)} data-testid="fw-add-rule">
          Add rule
        </button>
      )}
    </section>
  );
}

function RuleRow(props: {
  i: number;
  rule: LevelRule;
  count: number;
  highlighted: boolean;
  rowRef: (el: HTMLTableRowElement | null) => void;
  onKey: (e: KeyboardEvent) => void;
  onMove: (from: number, to: number) => void;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
  editor: ReactNode;
}) {
  const { i, rule } = props;
  const [over, setOver] = useState(false);
  return (
    <>
      <tr
        ref={props.rowRef}
        tabIndex={0}
        className={`fw-rule${props.highlighted ? ' is-highlighted' : ''}${rule.enabled ? '' : ' is-disabled'}${over ? ' is-drop-target' : ''}`}
        data-testid="fw-rule"
        data-index={i}
        aria-label={`Rule ${i + 1}: ${formatRule(rule)}`}
        draggable
        onKeyDown={props.onKey}
        onDragStart={(e) => {
          e.dataTransfer.setData('application/x-netloom-rule', String(i));
          e.dataTransfer.effectAllowed = 'move';
        }}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('application/x-netloom-rule')) return;
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          const from = e.dataTransfer.getData('application/x-netloom-rule');
          setOver(false);
          if (from === '') return;
          e.preventDefault();
          e.stopPropagation();
          props.onMove(Number(from), i);
        }}
      >
        <td className="fw-grip" aria-hidden="true" title="Drag to reorder">
          ⠿
        </td>
        <td className="fw-num">{i + 1}</td>
        <td>
          <input
            type="checkbox"
            checked={rule.enabled}
            aria-label={`Rule ${i + 1} enabled`}
            onChange={(e) => props.onToggle(e.target.checked)}
            data-testid="fw-rule-enabled"
          />
        </td>
        <td className="fw-rule-text" data-testid="fw-rule-text">
          <code>{visible(formatRule({ ...rule, enabled: true }))}</code>
        </td>
        <td className="fw-rule-buttons">
          <button
            type="button"
            className="button subtle small"
            aria-label={`Move rule ${i + 1} up`}
            disabled={i === 0}
            onClick={() => props.onMove(i, i - 1)}
            data-testid="fw-rule-up"
          >
            ↑
          </button>
          <button
            type="button"
            className="button subtle small"
            aria-label={`Move rule ${i + 1} down`}
            disabled={i === props.count - 1}
            onClick={() => props.onMove(i, i + 1)}
            data-testid="fw-rule-down"
          >
            ↓
          </button>
          <button type="button" className="button subtle small" onClick={props.onEdit} data-testid="fw-rule-edit">
            Edit
          </button>
          <button
            type="button"
            className="button subtle small"
            aria-label={`Delete rule ${i + 1}`}
            onClick={props.onDelete}
            data-testid="fw-rule-delete"
          >
            ✕
          </button>
        </td>
      </tr>
      {props.editor && (
        <tr>
          <td colSpan={5}>{props.editor}</td>
        </tr>
      )}
    </>
  );
}

/** Security groups, read only here: a GROUP rule names one; they come from an import or the file. */
function Groups({ groups }: { groups: readonly SecurityGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <section className="fw-section" aria-label="Security groups">
      <h3>Security groups</h3>
      {groups.map((g) => (
        <div key={g.name} className="fw-ipset" data-testid="fw-group">
          <header>
            <code>{g.name}</code>
            {g.comment && <span className="muted small"> {visible(g.comment)}</span>}
          </header>
          <ol className="fw-list">
            {g.rules.map((rule, i) => (
              <li key={i}>
                <code>{visible(formatRule(rule))}</code>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

function Aliases(props: {
  aliases: readonly FirewallAlias[];
  /** One history step; `renamed`: the rules and IP set entries naming the alias follow its new name. */
  save: (aliases: readonly FirewallAlias[], renamed?: { readonly from: string; readonly to: string }) => boolean;
  setError: (e: string | undefined) => void;
}) {
  const [name, setName] = useState('');
  const [cidr, setCidr] = useState('');
  /** The index of the alias being edited in place. */
  const [editing, setEditing] = useState<number | undefined>();
  const add = () => {
    const parsed = parseAlias(name, cidr);
    if (!parsed.success) return props.setError(`alias: ${firstIssue(parsed.error.issues)}`);
    if (!props.save([...props.aliases, parsed.data])) return;
    setName('');
    setCidr('');
  };
  const change = (i: number, [newName = '', newCidr = '']: readonly string[]) => {
    const was = props.aliases[i]!;
    const parsed = parseAlias(newName, newCidr, was);
    if (!parsed.success) return props.setError(`alias ${was.name}: ${firstIssue(parsed.error.issues)}`);
    const renamed = parsed.data.name === was.name ? undefined : { from: was.name, to: parsed.data.name };
    if (
      props.save(
        props.aliases.map((a, k) => (k === i ? parsed.data : a)),
        renamed,
      )
    )
      setEditing(undefined);
  };
  return (
    <section className="fw-section" aria-label="Aliases">
      <h3>Aliases</h3>
      <ul className="fw-list">
        {props.aliases.map((a, i) => (
          <li key={a.name} data-testid="fw-alias">
            {editing === i ? (
              <InPlaceForm
                fields={[
                  { label: `Name of alias ${a.name}`, value: a.name, testId: 'fw-alias-edit-name' },
                  { label: `Address of alias ${a.name}`, value: a.cidr, testId: 'fw-alias-edit-cidr' },
                ]}
                onSave={(values) => change(i, values)}
                onCancel={() => setEditing(undefined)}
              />
            ) : (
              <>
                <code>
                  {a.name} = {a.cidr}
                </code>
                {a.comment && <span className="muted small"> {visible(a.comment)}</span>}
                <button
                  type="button"
                  className="button subtle small"
                  aria-label={`Edit alias ${a.name}`}
                  onClick={() => setEditing(i)}
                  data-testid="fw-alias-edit"
                >
                  Edit
                </button>
              </>
            )}
            <button
              type="button"
              className="button subtle small"
              aria-label={`Delete alias ${a.name}`}
              onClick={() => props.save(props.aliases.filter((_, k) => k !== i))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <form
        className="fw-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input placeholder="name" value={name} onChange={(e) => setName(e.target.value)} data-testid="fw-alias-name" />
        <input
          placeholder="10.0.0.0/24"
          value={cidr}
          onChange={(e) => setCidr(e.target.value)}
          data-testid="fw-alias-cidr"
        />
        <button type="submit" className="button" data-testid="fw-alias-add">
          Add alias
        </button>
      </form>
    </section>
  );
}

function IpSets(props: {
  ipsets: readonly IpSet[];
  highlight: number | undefined;
  save: (ipsets: readonly IpSet[]) => boolean;
  setError: (e: string | undefined) => void;
}) {
  const [name, setName] = useState('');
  const add = () => {
    const parsed = IpSet.safeParse({ name: name.trim() });
    if (!parsed.success) return props.setError(`IP set: ${firstIssue(parsed.error.issues)}`);
    if (props.save([...props.ipsets, parsed.data])) setName('');
  };
  const replace = (i: number, set: IpSet) => props.save(props.ipsets.map((s, k) => (k === i ? set : s)));
  return (
    <section className="fw-section" aria-label="IP sets">
      <h3>
        IP sets <span className="muted small">IP set management may reach SSH and the web UI of every host</span>
      </h3>
      {props.ipsets.map((set, i) => (
        <IpSetCard
          key={set.name}
          set={set}
          highlighted={props.highlight === i}
          onChange={(next) => replace(i, next)}
          onDelete={() => props.save(props.ipsets.filter((_, k) => k !== i))}
          setError={props.setError}
        />
      ))}
      <form
        className="fw-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          placeholder="management"
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="fw-ipset-name"
        />
        <button type="submit" className="button" data-testid="fw-ipset-add">
          Add IP set
        </button>
      </form>
    </section>
  );
}

function IpSetCard(props: {
  set: IpSet;
  highlighted: boolean;
  onChange: (set: IpSet) => boolean;
  onDelete: () => void;
  setError: (e: string | undefined) => void;
}) {
  const { set } = props;
  const [cidr, setCidr] = useState('');
  /** The index of the entry being edited in place. */
  const [editing, setEditing] = useState<number | undefined>();
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.highlighted) card.current?.scrollIntoView({ block: 'nearest' });
  }, [props.highlighted]);
  const add = () => {
    const parsed = parseEntry(cidr);
    if (!parsed.success) return props.setError(`IP set ${set.name}: ${firstIssue(parsed.error.issues)}`);
    if (props.onChange({ ...set, entries: [...set.entries, parsed.data] })) setCidr('');
  };
  const change = (k: number, [text = '']: readonly string[]) => {
    const parsed = parseEntry(text, set.entries[k]);
    if (!parsed.success) return props.setError(`IP set ${set.name}: ${firstIssue(parsed.error.issues)}`);
    if (props.onChange({ ...set, entries: set.entries.map((e, j) => (j === k ? parsed.data : e)) }))
      setEditing(undefined);
  };
  return (
    <div
      ref={card}
      className={`fw-ipset${props.highlighted ? ' is-highlighted' : ''}`}
      data-testid="fw-ipset"
      data-name={set.name}
    >
      <header>
        <code>+{set.name}</code>
        {set.comment && <span className="muted small"> {visible(set.comment)}</span>}
        <button
          type="button"
          className="button subtle small"
          aria-label={`Delete IP set ${set.name}`}
          onClick={props.onDelete}
          data-testid="fw-ipset-delete"
        >
          ✕
        </button>
      </header>
      <ul className="fw-list">
        {set.entries.map((entry, k) => (
          <li key={`${entry.cidr}`} data-testid="fw-ipset-entry">
            {editing === k ? (
              <InPlaceForm
                fields={[
                  {
                    label: `Entry ${entry.cidr} of ${set.name}`,
                    value: `${entry.nomatch ? '!' : ''}${entry.cidr}`,
                    testId: 'fw-ipset-entry-edit-text',
                  },
                ]}
                onSave={(values) => change(k, values)}
                onCancel={() => setEditing(undefined)}
              />
            ) : (
              <>
                <code>
                  {entry.nomatch ? '!' : ''}
                  {entry.cidr}
                </code>
                {entry.comment && <span className="muted small"> {visible(entry.comment)}</span>}
                <button
                  type="button"
                  className="button subtle small"
                  aria-label={`Edit ${entry.cidr} in ${set.name}`}
                  onClick={() => setEditing(k)}
                  data-testid="fw-ipset-entry-edit"
                >
                  Edit
                </button>
              </>
            )}
            <button
              type="button"
              className="button subtle small"
              aria-label={`Remove ${entry.cidr} from ${set.name}`}
              onClick={() => props.onChange({ ...set, entries: set.entries.filter((_, j) => j !== k) })}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <form
        className="fw-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          placeholder="10.0.0.0/24 or !10.0.0.5"
          value={cidr}
          onChange={(e) => setCidr(e.target.value)}
          aria-label={`Entry for ${set.name}`}
          data-testid="fw-ipset-entry-new"
        />
        <button type="submit" className="button" data-testid="fw-ipset-entry-add">
          Add
        </button>
      </form>
    </div>
  );
}

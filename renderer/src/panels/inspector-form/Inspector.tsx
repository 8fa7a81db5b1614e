/**
 * The inspector: the selected element's fields, generated from its kind's
 * attribute table plus its identity and references. Every change is checked
 * before it reaches the design.
 */
import { useMemo, type ReactNode } from 'react';
import { indexOf } from '../../../../shared/edit/cached-index.js';
import { listLinks } from '../../../../shared/edit/links.js';
import { checkedEdit } from '../../../../shared/edit/update.js';
import { removeElements } from '../../../../shared/edit/remove.js';
import type { ElementOf, Located } from '../../../../shared/model/index-of.js';
import type { AttributeTable } from '../../../../shared/model/attributes.js';
import {
  deviceOf,
  elementTitle,
  isHostInterface,
  kindEntry,
  linkLabel,
  referable,
  type HostInterface,
  bondAttributes,
  bridgeAttributes,
  networkAttributes,
  portAttributes,
  portChannelAttributes,
  switchPortAttributes,
  vlanInterfaceAttributes,
  vmAttributes,
  vmNicAttributes,
} from '../../../../shared/model/kinds/index.js';
import { FORWARD_POLICIES } from '../../../../shared/model/libvirt.js';
import {
  AUTOSTART,
  PLATFORMS,
  SWITCH_VENDORS,
  type Design,
  type Host,
  type SshTarget,
} from '../../../../shared/model/schema.js';
import { PLATFORM_REGISTRY } from '../../../../shared/platforms/index.js';
import { renderDevice } from '../../../../shared/targets/index.js';
import { VENDORS } from '../../../../shared/vendors/index.js';
import { KindIcon } from '../../chrome/KindIcon.js';
import { useAppStore } from '../../store/store.js';
import { LiveFacts } from '../LiveFacts.js';
import { AddressEditor } from './AddressEditor.js';
import { attributeCommit, fieldCommit } from './commit-hooks.js';
import { AttributeField, MemberPicker, parseNumber, parseOptionalText, SelectField, TextField } from './fields.js';
import { SwitchportEditor } from './SwitchportEditor.js';
import { ExtraLinesEditor, UnmanagedEditor } from './VerbatimEditor.js';
import { BondSwitchSide } from './BondSwitchSide.js';

function Attributes({
  id,
  table,
  element,
  prefix = 'field',
}: {
  id: string;
  table: AttributeTable;
  element: object;
  prefix?: string;
}) {
  return (
    <>
      {Object.entries(table).map(([key, attribute]) => (
        <AttributeField
          key={key}
          name={key}
          attribute={attribute}
          value={(element as Record<string, unknown>)[key]}
          commit={attributeCommit(id, key, attribute)}
          testPrefix={prefix}
        />
      ))}
    </>
  );
}

/** What a referable element is called in a list: its name, else its id. */
const labelOf = (c: { readonly id: string }): string => ('name' in c && typeof c.name === 'string' ? c.name : c.id);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspector-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

const NameField = ({ id, name, label = 'Name' }: { id: string; name: string; label?: string }) => (
  <TextField label={label} value={name} commit={fieldCommit(id, 'name')} testId="field-name" />
);

function InterfaceCommon({ id, element }: { id: string; element: HostInterface }) {
  return (
    <>
      <InterfaceAddresses id={id} element={element} />
      <Section title="Written as is">
        <ExtraLinesEditor id={id} lines={element.extraLines ?? []} />
      </Section>
    </>
  );
}

function InterfaceAddresses({ id, element }: { id: string; element: HostInterface }) {
  return (
    <Section title="Addresses">
      <AddressEditor id={id} family="inet" value={element.inet} />
      <AddressEditor id={id} family="inet6" value={element.inet6} />
      <SelectField
        label="Bring up"
        value={element.autostart}
        options={AUTOSTART.map((a) => ({ value: a, label: a }))}
        commit={fieldCommit(id, 'autostart')}
        testId="field-autostart"
      />
    </Section>
  );
}

function NetworkForm({ e }: { e: ElementOf<'network'> }) {
  const n = e.element;
  return (
    <Section title="Network">
      <TextField
        label="VLAN id"
        value={String(n.vlan)}
        parse={parseNumber}
        commit={fieldCommit(n.id, 'vlan')}
        testId="field-vlan"
      />
      <NameField id={n.id} name={n.name} />
      <TextField
        label="Subnet"
        value={n.subnet ?? ''}
        placeholder="10.2.240.0/24"
        parse={parseOptionalText}
        commit={fieldCommit(n.id, 'subnet')}
        testId="field-subnet"
      />
      <TextField
        label="Gateway"
        value={n.gateway ?? ''}
        parse={parseOptionalText}
        commit={fieldCommit(n.id, 'gateway')}
        testId="field-gateway"
      />
      <Attributes id={n.id} table={networkAttributes} element={n} />
    </Section>
  );
}

/** Where deploy logs in (a host's shell or a switch's CLI); no password field: passwords are asked at deploy time. */
function SshSection({ id, ssh, defaultUser }: { id: string; ssh: SshTarget | undefined; defaultUser: string }) {
  const sshCommit = (key: 'address' | 'port' | 'user') =>
    fieldCommit(id, 'ssh', (v) => {
      if (key === 'address' && v === undefined) return { ssh: undefined };
      return { ssh: { address: ssh?.address ?? '', port: ssh?.port ?? 22, user: ssh?.user ?? defaultUser, [key]: v } };
    });
  return (
    <Section title="SSH">
      <TextField
        label="Address"
        value={ssh?.address ?? ''}
        placeholder="10.2.200.30"
        parse={parseOptionalText}
        commit={sshCommit('address')}
        testId="field-ssh-address"
      />
      {ssh && (
        <>
          <TextField
            label="Port"
            value={String(ssh.port)}
            parse={parseNumber}
            commit={sshCommit('port')}
            testId="field-ssh-port"
          />
          <TextField label="User" value={ssh.user} commit={sshCommit('user')} testId="field-ssh-user" />
        </>
      )}
    </Section>
  );
}

function HostForm({ e }: { e: ElementOf<'host'> }) {
  const h = e.element;
  return (
    <>
      <Section title="Host">
        <NameField id={h.id} name={h.name} />
        <SelectField
          label="Platform"
          value={h.platform}
          options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_REGISTRY[p].label }))}
          commit={fieldCommit(h.id, 'platform')}
          testId="field-platform"
        />
      </Section>
      {h.platform === 'libvirt' && <BridgeFilterSection host={h} />}
      <SshSection id={h.id} ssh={h.ssh} defaultUser="root" />
      <Section title="Unmanaged stanzas">
        <UnmanagedEditor host={h} />
      </Section>
    </>
  );
}

/** A libvirt host's filter for bridged traffic: whether iptables sees bridged frames, and FORWARD's policy; the rules are elements of their own. */
function BridgeFilterSection({ host }: { host: Host }) {
  const settings = host.bridgeFilter ?? { bridgeNetfilter: false, forwardPolicy: 'ACCEPT' as const };
  const commit = (key: 'bridgeNetfilter' | 'forwardPolicy', parse: (v: unknown) => unknown) =>
    fieldCommit(host.id, 'bridgeFilter', (v) => ({ bridgeFilter: { ...settings, [key]: parse(v) } }));
  return (
    <Section title="Bridged traffic">
      <SelectField
        label="Bridge netfilter"
        value={settings.bridgeNetfilter ? 'on' : 'off'}
        options={[
          { value: 'off', label: 'off: iptables does not see bridged frames' },
          { value: 'on', label: 'on: bridged frames pass FORWARD' },
        ]}
        commit={commit('bridgeNetfilter', (v) => v === 'on')}
        testId="field-bridgeNetfilter"
      />
      <SelectField
        label="FORWARD policy"
        value={settings.forwardPolicy}
        options={FORWARD_POLICIES.map((p) => ({ value: p, label: p }))}
        commit={commit('forwardPolicy', (v) => v)}
        testId="field-forwardPolicy"
      />
    </Section>
  );
}

function SwitchForm({ e, design }: { e: ElementOf<'switch'>; design: Design }) {
  const s = e.element;
  const peers = design.switches.filter((o) => o.id !== s.id);
  return (
    <>
      <Section title="Switch">
        <NameField id={s.id} name={s.name} />
        <SelectField
          label="Vendor"
          value={s.vendor}
          options={SWITCH_VENDORS.map((v) => ({ value: v, label: VENDORS[v].label }))}
          commit={fieldCommit(s.id, 'vendor')}
          testId="field-vendor"
        />
        <TextField
          label="Management address"
          value={s.management ?? ''}
          parse={parseOptionalText}
          commit={fieldCommit(s.id, 'management')}
          testId="field-management"
        />
        <TextField
          label="Stack units"
          value={String(s.stackUnits)}
          parse={parseNumber}
          commit={fieldCommit(s.id, 'stackUnits')}
          testId="field-stackUnits"
        />
        <SelectField
          label="MLAG peer"
          value={s.mlagPeer ?? ''}
          options={[{ value: '', label: '(none)' }, ...peers.map((p) => ({ value: p.id, label: p.name }))]}
          commit={fieldCommit(s.id, 'mlagPeer', (v) => ({ mlagPeer: v === '' ? undefined : v }))}
          testId="field-mlagPeer"
        />
      </Section>
      <SshSection id={s.id} ssh={s.ssh} defaultUser="admin" />
    </>
  );
}

function HostElementForm({ e, design }: { e: ElementOf<'port' | 'bond' | 'bridge' | 'vlan'>; design: Design }) {
  const { element, host } = e;
  const id = element.id;
  switch (e.kind) {
    case 'port':
      return (
        <>
          <Section title="Port">
            <NameField id={id} name={e.element.name} />
            <Attributes id={id} table={portAttributes} element={e.element} />
          </Section>
          <InterfaceCommon id={id} element={e.element} />
        </>
      );
    case 'bond': {
      const bond = e.element;
      const inOtherBond = new Map(
        host.bonds.filter((b) => b.id !== id).flatMap((b) => b.members.map((m) => [m, b.name] as const)),
      );
      return (
        <>
          <Section title="Bond">
            <NameField id={id} name={bond.name} />
            <MemberPicker
              label="Members"
              options={host.ports.map((p) => ({
                id: p.id,
                label: p.name,
                note: inOtherBond.has(p.id) ? `in ${inOtherBond.get(p.id)}` : undefined,
              }))}
              value={bond.members}
              commit={fieldCommit(id, 'members', (members) => ({
                members,
                primary: bond.primary && (members as string[]).includes(bond.primary) ? bond.primary : undefined,
              }))}
              testId="field-members"
            />
            <SelectField
              label="Primary"
              value={bond.primary ?? ''}
              options={[
                { value: '', label: '(none)' },
                ...bond.members.map((m) => ({ value: m, label: host.ports.find((p) => p.id === m)?.name ?? m })),
              ]}
              commit={fieldCommit(id, 'primary', (v) => ({ primary: v === '' ? undefined : v }))}
              testId="field-primary"
            />
            <Attributes id={id} table={bondAttributes} element={bond} />
          </Section>
          <BondSwitchSide bondId={id} design={design} />
          <InterfaceCommon id={id} element={bond} />
        </>
      );
    }
    case 'bridge': {
      const bridge = e.element;
      const bonded = new Set(host.bonds.flatMap((b) => b.members));
      const candidates = (referable('bridge', 'ports', 'host', host) as HostInterface[]).filter(
        (c) => !bonded.has(c.id) && !('parent' in c && c.parent === id),
      );
      return (
        <>
          <Section title="Bridge">
            <NameField id={id} name={bridge.name} />
            <MemberPicker
              label="Ports"
              options={candidates.map((c) => ({ id: c.id, label: c.name }))}
              value={bridge.ports}
              commit={fieldCommit(id, 'ports')}
              testId="field-ports"
            />
            <Attributes id={id} table={bridgeAttributes} element={bridge} />
          </Section>
          <InterfaceCommon id={id} element={bridge} />
        </>
      );
    }
    case 'vlan': {
      const vlan = e.element;
      const parents = referable('vlan', 'parent', 'host', host) as HostInterface[];
      return (
        <>
          <Section title="VLAN interface">
            <NameField id={id} name={vlan.name} />
            <TextField
              label="VLAN id"
              value={String(vlan.vlan)}
              parse={parseNumber}
              commit={fieldCommit(id, 'vlan')}
              testId="field-vlan"
            />
            <SelectField
              label="Parent"
              value={vlan.parent}
              options={parents.map((p) => ({ value: p.id, label: p.name }))}
              commit={fieldCommit(id, 'parent')}
              testId="field-parent"
            />
            <Attributes id={id} table={vlanInterfaceAttributes} element={vlan} />
          </Section>
          <InterfaceCommon id={id} element={vlan} />
        </>
      );
    }
  }
}

/**
 * A host interface read from its registry entry alone: name, one member list
 * per list reference (the host's interfaces of the kinds it may point at),
 * the attribute table, addresses. Kinds without a form of their own use it.
 */
/** Whether any target of the VM's host writes a line for it (a Proxmox VE host's `qm set` script does; a Debian host's targets do not). */
function useVmWritten(design: Design, hostId: string, vmId: string): boolean {
  return useMemo(() => {
    try {
      return renderDevice(design, hostId).some((f) => f.lineElements?.includes(vmId));
    } catch {
      // The preview shows why the host's files cannot be written; that is not a VM matter.
      return true;
    }
  }, [design, hostId, vmId]);
}

function VmForm({ e }: { e: ElementOf<'vm'> }) {
  const vm = e.element;
  const design = useAppStore((s) => s.design);
  const written = useVmWritten(design, e.host.id, vm.id);
  return (
    <>
      {!written && (
        <p className="hint pad" data-testid="vm-no-output">
          Nothing is exported for this VM: its host is {PLATFORM_REGISTRY[e.host.platform].label}, and the VM NIC script
          (qm set) is for Proxmox VE hosts only.
        </p>
      )}
      <Section title="VM">
        <TextField
          label="VM id"
          value={String(vm.vmid)}
          parse={parseNumber}
          commit={fieldCommit(vm.id, 'vmid')}
          testId="field-vmid"
        />
        <NameField id={vm.id} name={vm.name} />
        <Attributes id={vm.id} table={vmAttributes} element={vm} />
      </Section>
      {vm.nics.length === 0 && <p className="muted small pad">No NICs yet: drag the VM’s handle onto a bridge.</p>}
      {vm.nics.map((nic) => {
        // Each NIC as the index holds it, with its VM and host: a copy of the VM's entry would lack the owners.
        const located = indexOf(design).get(nic.id, 'vm-nic');
        return located && <NicForm key={nic.id} e={located} />;
      })}
    </>
  );
}

function NicForm({ e }: { e: ElementOf<'vm-nic'> }) {
  const nic = e.element;
  const prefix = `nic-${nic.slot}`;
  return (
    <Section title={`NIC net${nic.slot}`}>
      <div data-testid={prefix}>
        <SelectField
          label="Bridge"
          value={nic.bridge}
          options={referable('vm-nic', 'bridge', 'host', e.host).map((b) => ({ value: b.id, label: labelOf(b) }))}
          commit={fieldCommit(nic.id, 'bridge')}
          testId={`${prefix}-bridge`}
        />
        <TextField
          label="VLAN tag"
          value={nic.tag === undefined ? '' : String(nic.tag)}
          placeholder="untagged"
          parse={parseNumber}
          commit={fieldCommit(nic.id, 'tag')}
          testId={`${prefix}-tag`}
        />
        <Attributes id={nic.id} table={vmNicAttributes} element={nic} prefix={prefix} />
        <button
          type="button"
          className="button subtle danger"
          onClick={() => useAppStore.getState().edit((d) => removeElements(d, [nic.id]))}
        >
          Remove net{nic.slot}
        </button>
      </div>
    </Section>
  );
}

function SwitchElementForm({ e }: { e: ElementOf<'switch-port' | 'port-channel'> }) {
  if (e.kind === 'switch-port') {
    const p = e.element;
    return (
      <>
        <Section title="Switch port">
          <NameField id={p.id} name={p.name} />
          <Attributes id={p.id} table={switchPortAttributes} element={p} />
        </Section>
        <Section title="Switchport">
          <SwitchportEditor id={p.id} value={p.switchport} />
        </Section>
      </>
    );
  }
  const pc = e.element;
  const inOther = new Map(
    e.switch.portChannels.filter((o) => o.id !== pc.id).flatMap((o) => o.members.map((m) => [m, o.number] as const)),
  );
  return (
    <>
      <Section title="Port-channel">
        <TextField
          label="Number"
          value={String(pc.number)}
          parse={parseNumber}
          commit={fieldCommit(pc.id, 'number')}
          testId="field-number"
        />
        <MemberPicker
          label="Members"
          options={e.switch.ports.map((p) => ({
            id: p.id,
            label: p.name,
            note: inOther.has(p.id) ? `in Po${inOther.get(p.id)}` : undefined,
          }))}
          value={pc.members}
          commit={fieldCommit(pc.id, 'members')}
          testId="field-members"
        />
        <Attributes id={pc.id} table={portChannelAttributes} element={pc} />
      </Section>
      <Section title="Switchport">
        <SwitchportEditor id={pc.id} value={pc.switchport} />
      </Section>
    </>
  );
}

function CableForm({ e, design }: { e: ElementOf<'cable'>; design: Design }) {
  const index = indexOf(design);
  const hostPort = index.get(e.element.hostPort, 'port');
  const switchPort = index.get(e.element.switchPort, 'switch-port');
  return (
    <Section title="Cable">
      <p>
        {hostPort?.host.name} <strong>{hostPort?.element.name}</strong> ↔ {switchPort?.switch.name}{' '}
        <strong>{switchPort?.element.name}</strong>
      </p>
    </Section>
  );
}

/**
 * Kinds without a form of their own, from their registry entry: their name (if they have one), one member list
 * per list reference (what the reference may point at on the same device), their attribute table, and addresses
 * when they are host interfaces.
 */
function GenericForm({ e }: { e: Located }) {
  const kind = kindEntry(e.kind);
  const element = e.element as unknown as Record<string, unknown>;
  const id = e.element.id;
  const device = deviceOf(e);
  return (
    <>
      <Section title={kind.label.charAt(0).toUpperCase() + kind.label.slice(1)}>
        {typeof element.name === 'string' && <NameField id={id} name={element.name} />}
        {device &&
          (kind.references ?? []).map((r) => {
            const value = element[r.field];
            const options = referable(e.kind, r.field, device.kind, device.element).filter((c) => c.id !== id);
            if (!Array.isArray(value))
              return (
                <SelectField
                  key={r.field}
                  label={r.link?.label ?? r.field}
                  value={typeof value === 'string' ? value : ''}
                  options={[
                    { value: '', label: '(none)' },
                    ...options.map((c) => ({ value: c.id, label: labelOf(c) })),
                  ]}
                  commit={fieldCommit(id, r.field, (v) => ({ [r.field]: v === '' ? undefined : v }))}
                  testId={`field-${r.field}`}
                />
              );
            return (
              <MemberPicker
                key={r.field}
                label={r.link?.label ?? r.field}
                options={options.map((c) => ({ id: c.id, label: labelOf(c) }))}
                value={value.filter((v): v is string => typeof v === 'string')}
                commit={fieldCommit(id, r.field)}
                testId={`field-${r.field}`}
              />
            );
          })}
        {kind.attributes && <Attributes id={id} table={kind.attributes} element={e.element} />}
      </Section>
      {isHostInterface(e) && <InterfaceCommon id={id} element={e.element} />}
    </>
  );
}

function Form({ e, design }: { e: Located; design: Design }) {
  switch (e.kind) {
    case 'network':
      return <NetworkForm e={e} />;
    case 'host':
      return <HostForm e={e} />;
    case 'switch':
      return <SwitchForm e={e} design={design} />;
    case 'port':
    case 'bond':
    case 'bridge':
    case 'vlan':
      return <HostElementForm e={e} design={design} />;
    case 'vm':
      return <VmForm e={e} />;
    case 'vm-nic':
      return <NicForm e={e} />;
    case 'switch-port':
    case 'port-channel':
      return <SwitchElementForm e={e} />;
    case 'cable':
      return <CableForm e={e} design={design} />;
    default:
      return <GenericForm e={e} />;
  }
}

const commitDesignName = (value: unknown): string | undefined => {
  const checked = checkedEdit({ ...useAppStore.getState().design, name: String(value ?? '') });
  if (!checked.ok) return checked.problems[0]?.message;
  useAppStore.getState().edit(() => checked.design);
  return undefined;
};

export function Inspector() {
  const design = useAppStore((s) => s.design);
  const selection = useAppStore((s) => s.selection);
  const id = selection[0];
  if (!id) {
    return (
      <div className="inspector" data-testid="inspector">
        <header className="inspector-head">
          <h2>Design</h2>
        </header>
        <Section title="Design">
          <TextField label="Name" value={design.name} commit={commitDesignName} testId="field-design-name" />
          <p className="muted small">
            {design.hosts.length} host{design.hosts.length === 1 ? '' : 's'}, {design.switches.length} switch
            {design.switches.length === 1 ? '' : 'es'}, {design.networks.length} network
            {design.networks.length === 1 ? '' : 's'}, {design.cables.length} cable
            {design.cables.length === 1 ? '' : 's'}
          </p>
        </Section>
        <p className="muted small pad">
          Select an element to see its settings. Drag from the palette to add elements, and from handle to handle to
          connect them.
        </p>
      </div>
    );
  }
  const located = indexOf(design).byId.get(id);
  if (!located) {
    const link = listLinks(design).find((l) => l.id === id);
    if (!link) return <div className="inspector empty" data-testid="inspector" />;
    const name = (x: string) => {
      const end = indexOf(design).byId.get(x);
      return end ? elementTitle(end) : x;
    };
    return (
      <div className="inspector" data-testid="inspector">
        <header className="inspector-head">
          <h2>{linkLabel(link.kind)}</h2>
        </header>
        <Section title="Link">
          <p>
            <strong>{name(link.source)}</strong> in <strong>{name(link.target)}</strong>
          </p>
          <button
            type="button"
            className="button subtle danger"
            onClick={() => useAppStore.getState().edit((d) => removeElements(d, [link.id]))}
          >
            Remove this link
          </button>
        </Section>
      </div>
    );
  }
  return (
    <div className="inspector" data-testid="inspector" key={id}>
      <header className="inspector-head">
        <KindIcon kind={located.kind} size={18} />
        <h2 data-testid="inspector-title">{elementTitle(located)}</h2>
        {selection.length > 1 && <span className="muted small">+{selection.length - 1} more selected</span>}
      </header>
      <Form e={located} design={design} />
      <LiveFacts id={id} />
    </div>
  );
}

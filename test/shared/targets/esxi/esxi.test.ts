import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../../../shared/load/index.js';
import type { Design } from '../../../../shared/model/index.js';
import { renderDevice } from '../../../../shared/targets/index.js';
import { esxiSettings, type VswitchPlan, type VswitchSettings } from '../../../../shared/targets/esxi/settings.js';
import { ROOT } from '../../../helpers/cli.js';
import { readEsxcliScript, shellWords } from './esxcli-reader.js';

const EXAMPLE = `${ROOT}shared/examples/nested-esxi.netloom.json`;
const exampleJson = () => JSON.parse(readFileSync(EXAMPLE, 'utf8'));

function load(json: unknown): Design {
  const result = parseDesign(JSON.stringify(json));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

const file = (design: Design, path: string) => renderDevice(design, 'esx01').find((f) => f.path === path)!;
const withoutIds = (plans: readonly VswitchPlan[]): VswitchSettings[] =>
  plans.map(({ id: _id, portGroups, ...v }) => ({ ...v, portGroups: portGroups.map(({ id: _g, ...g }) => g) }));

/** A second vSwitch: iphash over two active uplinks, MAC changes accepted, one port group overriding back to reject. */
function twoVswitches(json: any): void {
  const host = json.hosts[0];
  host.ports.push({ id: 'esx01-vmnic3', name: 'vmnic3' }, { id: 'esx01-vmnic4', name: 'vmnic4' });
  host.vswitches.push({
    id: 'esx01-vswitch2',
    name: 'vSwitch2',
    activeUplinks: ['esx01-vmnic4', 'esx01-vmnic3'],
    loadBalancing: 'iphash',
    allowMacChange: 'accept',
  });
  host.vswitches.push({ id: 'esx01-internal', name: 'internal', activeUplinks: [], mtu: 1280 });
  host.portGroups.push(
    { id: 'esx01-pg-storage', name: 'Storage 30', vswitch: 'esx01-vswitch2', vlan: 30, allowMacChange: 'reject' },
    { id: 'esx01-pg-isolated', name: 'isolated', vswitch: 'esx01-internal' },
  );
}

describe('ESXi targets', () => {
  it('write esxcli and PowerCLI scripts for an ESXi host with vSwitches, and nothing for one without', () => {
    const design = load(exampleJson());
    expect(renderDevice(design, 'esx01').map((f) => [f.target, f.path])).toEqual([
      ['esxcli', 'esxcli.sh'],
      ['powercli', 'powercli.ps1'],
    ]);
    const bare = exampleJson();
    bare.hosts[0].vswitches = [];
    bare.hosts[0].portGroups = [];
    bare.hosts[0].vms = [];
    expect(renderDevice(load(bare), 'esx01')).toEqual([]);
  });

  it.each([
    ['the nested-ESXi example', (_json: any) => {}],
    ['two more vSwitches, one without uplinks', twoVswitches],
  ])('esxcli.sh, read back as esxcli runs it, sets exactly the design: %s', (_name, mutate) => {
    const json = exampleJson();
    mutate(json);
    const design = load(json);
    const settings = withoutIds(esxiSettings(design.hosts[0]!));
    expect(readEsxcliScript(file(design, 'esxcli.sh').content)).toEqual(settings);
  });

  it('reads the example back to the settings the article asks for', () => {
    expect(readEsxcliScript(file(load(exampleJson()), 'esxcli.sh').content)).toEqual([
      {
        name: 'vSwitch1',
        mtu: 9000,
        uplinks: { active: ['vmnic0'], standby: ['vmnic1'], unused: ['vmnic2'] },
        loadBalancing: 'portid',
        security: { allowPromiscuous: 'reject', allowForgedTransmits: 'reject', allowMacChange: 'reject' },
        portGroups: [
          { name: 'Lab', vlan: 20, security: {} },
          { name: 'Nested ESXi', vlan: 4095, security: { allowPromiscuous: 'accept', allowForgedTransmits: 'accept' } },
        ],
      },
    ]);
  });

  it('quotes a port group name with spaces as one word, and links each line to its element', () => {
    const script = file(load(exampleJson()), 'esxcli.sh');
    const line = script.content.split('\n').findIndex((l) => l.includes('portgroup set') && l.includes('Nested'));
    expect(shellWords(script.content.split('\n')[line]!)).toContain('Nested ESXi');
    expect(script.lineElements![line]).toBe('esx01-pg-nested');
  });

  it('writes the same settings as PowerCLI', () => {
    const json = exampleJson();
    twoVswitches(json);
    const lines = file(load(json), 'powercli.ps1').content.split('\n');
    const expected = [
      "$vmhost = Get-VMHost -Name 'esx01'",
      "$vswitch = New-VirtualSwitch -VMHost $vmhost -Name 'vSwitch1' -Nic 'vmnic0','vmnic1','vmnic2' -Mtu 9000",
      "$vswitch | Get-NicTeamingPolicy | Set-NicTeamingPolicy -MakeNicActive 'vmnic0' -MakeNicStandby 'vmnic1' -MakeNicUnused 'vmnic2' -LoadBalancingPolicy LoadBalanceSrcId",
      '$vswitch | Get-SecurityPolicy | Set-SecurityPolicy -AllowPromiscuous $false -ForgedTransmits $false -MacChanges $false',
      "New-VirtualPortGroup -VirtualSwitch $vswitch -Name 'Lab' -VLanId 20 | Out-Null",
      "New-VirtualPortGroup -VirtualSwitch $vswitch -Name 'Nested ESXi' -VLanId 4095 | Get-SecurityPolicy | Set-SecurityPolicy -AllowPromiscuous $true -ForgedTransmits $true",
      "$vswitch = New-VirtualSwitch -VMHost $vmhost -Name 'vSwitch2' -Nic 'vmnic4','vmnic3' -Mtu 1500",
      "$vswitch | Get-NicTeamingPolicy | Set-NicTeamingPolicy -MakeNicActive 'vmnic4','vmnic3' -LoadBalancingPolicy LoadBalanceIP",
      '$vswitch | Get-SecurityPolicy | Set-SecurityPolicy -AllowPromiscuous $false -ForgedTransmits $false -MacChanges $true',
      "New-VirtualPortGroup -VirtualSwitch $vswitch -Name 'Storage 30' -VLanId 30 | Get-SecurityPolicy | Set-SecurityPolicy -MacChanges $false",
      "$vswitch = New-VirtualSwitch -VMHost $vmhost -Name 'internal' -Mtu 1280",
      '$vswitch | Get-NicTeamingPolicy | Set-NicTeamingPolicy -LoadBalancingPolicy LoadBalanceSrcId',
      '$vswitch | Get-SecurityPolicy | Set-SecurityPolicy -AllowPromiscuous $false -ForgedTransmits $false -MacChanges $false',
      "New-VirtualPortGroup -VirtualSwitch $vswitch -Name 'isolated' -VLanId 0 | Out-Null",
    ];
    expect(lines.filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('$ErrorAction'))).toEqual(expected);
  });

  it('refuses a vSwitch whose uplinks are split over roles wrongly, or shared with another vSwitch', () => {
    const json = exampleJson();
    json.hosts[0].vswitches[0].standbyUplinks.push('esx01-vmnic0');
    json.hosts[0].vswitches.push({ id: 'esx01-vswitch2', name: 'vSwitch2', activeUplinks: ['esx01-vmnic2'] });
    json.hosts[0].vswitches.push({
      id: 'esx01-vswitch3',
      name: 'vSwitch3',
      activeUplinks: [],
      unusedUplinks: [],
      standbyUplinks: ['esx01-vmnic1'],
    });
    const result = parseDesign(JSON.stringify(json));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'hosts[0].vswitches[0].standbyUplinks: port vmnic0 is an active uplink of vSwitch vSwitch1 already; a port is one uplink of one vSwitch',
      'hosts[0].vswitches[1].activeUplinks: port vmnic2 is an uplink of vSwitch vSwitch1 already; a port is one uplink of one vSwitch',
      'hosts[0].vswitches[2].activeUplinks: vSwitch vSwitch3 has standby or unused uplinks but no active one',
      'hosts[0].vswitches[2].standbyUplinks: port vmnic1 is an uplink of vSwitch vSwitch1 already; a port is one uplink of one vSwitch',
    ]);
  });
});

/**
 * Switch port names: a person or a running-config may write a port in the
 * long or the short form, in any case, with a space before the numbers
 * (`Te1/0/17`, `TenGigabitEthernet1/0/17`, `tengigabitethernet 1/0/17`); the
 * design stores one canonical form, the vendor's long type as listed in its
 * registry entry (`Tengigabitethernet1/0/17` on Dell OS6).
 */
import type { IntegrityIssue } from '../model/integrity.js';
import type { Design, SwitchVendor } from '../model/schema.js';
import { VENDORS } from './registry.js';
import type { PortType } from './vendor.js';

/**
 * A port name in any spelling split into the vendor's port type and the
 * numbers after it, or `undefined` when the type is not one of the vendor's.
 * A type may be abbreviated anywhere between its short and its long form
 * (`TenGig1/0/1`), as the switches' own CLIs accept.
 */
function parsePortName(vendor: SwitchVendor, text: string): { type: PortType; numbers: string } | undefined {
  const m = /^([A-Za-z-]+)\s*(\d+(?:\/\d+)*)$/.exec(text.trim());
  if (!m) return undefined;
  const typed = m[1]!.toLowerCase();
  const types = VENDORS[vendor].portTypes;
  // The full type, else the longest abbreviation the typed word starts with (Tw vs Twe on IOS).
  const type =
    types.find((t) => t.long.toLowerCase() === typed) ??
    types
      .filter((t) => t.long.toLowerCase().startsWith(typed) && typed.startsWith(t.short.toLowerCase()))
      .sort((a, b) => b.short.length - a.short.length)[0];
  return type && { type, numbers: m[2]! };
}

/** Any spelling of a port of the vendor -> its canonical name, or `undefined` when the type is not the vendor's. The numbers are not checked here. */
export function canonicalPortName(vendor: SwitchVendor, text: string): string | undefined {
  const parsed = parsePortName(vendor, text);
  return parsed && `${parsed.type.long}${parsed.numbers}`;
}

/** `undefined` when `name` is a canonical port name of the vendor, else a message naming the expected form. */
export function portNameProblem(vendor: SwitchVendor, name: string): string | undefined {
  const facts = VENDORS[vendor];
  const parsed = parsePortName(vendor, name);
  if (parsed && `${parsed.type.long}${parsed.numbers}` === name && facts.portNumbers.test(parsed.numbers))
    return undefined;
  return `"${name}" is not a ${facts.label} port name; expected the form ${facts.portExample}`;
}

/** `Tengigabitethernet1/0/17` -> `Te1/0/17`, the form running-configs print; other names as they are. */
export function shortPortName(vendor: SwitchVendor, name: string): string {
  const type = VENDORS[vendor].portTypes.find((t) => name.startsWith(t.long));
  return type ? type.short + name.slice(type.long.length) : name;
}

/** Stack unit of a unit/slot/port name (1 for `Tengigabitethernet1/0/17`), `undefined` for slot/port. */
export function stackUnitOf(name: string): number | undefined {
  const m = /(\d+)\/\d+(\/\d+)?$/.exec(name);
  return m && m[2] !== undefined ? Number(m[1]) : undefined;
}

/**
 * The design with every switch port name the vendor recognises in its
 * canonical form. Unchanged switches (and the design, when nothing changed)
 * are the same objects, so an edit that touches no port name changes nothing
 * else. Names it cannot place are left for `switchPortNameIssues`.
 */
export function canonicalSwitchPorts(design: Design): Design {
  let changed = false;
  const switches = design.switches.map((sw) => {
    const ports = sw.ports.map((port) => {
      const name = canonicalPortName(sw.vendor, port.name);
      return name === undefined || name === port.name ? port : { ...port, name };
    });
    if (ports.every((port, i) => port === sw.ports[i])) return sw;
    changed = true;
    return { ...sw, ports };
  });
  return changed ? { ...design, switches } : design;
}

/** Switch port names that are not their vendor's canonical form, with their JSON paths. */
export function switchPortNameIssues(design: Design): IntegrityIssue[] {
  return design.switches.flatMap((sw, s) =>
    sw.ports.flatMap((port, p) => {
      const message = portNameProblem(sw.vendor, port.name);
      return message === undefined ? [] : [{ path: ['switches', s, 'ports', p, 'name'], message }];
    }),
  );
}

/**
 * Element kinds declare their attributes once, as data, in the manner of
 * ifupdown2's addon modules: type, allowed values or range, default, a label
 * for the inspector, and each target's key name. The zod schema, the
 * inspector form, single-attribute checks and the generators all read these
 * tables; nothing else restates them.
 */
import { z } from 'zod';
import { checkDescription } from './names.js';
import { formatVlanSet, sharedVlanSet, VlanSetSyntaxError } from './vlan-set.js';

/** `esxcli`: the long option without dashes; `powercli`: the cmdlet parameter without its dash. `ovs-vsctl`: the column of a setting in an `ovs_options` line (`bond_mode`, `other_config:lacp-time`). */
export type TargetKeys = Partial<
  Record<
    'ifupdown2' | 'ovs-vsctl' | 'proxmox-vm' | 'pve-firewall' | 'dell-os6' | 'cisco-ios' | 'esxcli' | 'powercli',
    string
  >
>;

interface AttributeBase {
  readonly label: string;
  readonly help: string;
  readonly keys?: TargetKeys;
}

export interface EnumAttribute<V extends string = string> extends AttributeBase {
  readonly type: 'enum';
  readonly values: readonly [V, ...V[]];
  readonly default?: V;
}

export interface IntAttribute extends AttributeBase {
  readonly type: 'int';
  readonly min: number;
  readonly max: number;
  readonly unit?: string;
  readonly default?: number;
}

export interface NumberAttribute extends AttributeBase {
  readonly type: 'number';
  readonly min: number;
  readonly max: number;
  readonly unit?: string;
  readonly default?: number;
}

export interface BoolAttribute extends AttributeBase {
  readonly type: 'bool';
  readonly default?: boolean;
}

export interface VlanListAttribute extends AttributeBase {
  readonly type: 'vlan-list';
  readonly default?: string;
}

export interface TextAttribute extends AttributeBase {
  readonly type: 'text';
  readonly pattern?: RegExp;
  readonly patternHelp?: string;
  readonly default?: string;
}

export type Attribute =
  EnumAttribute | IntAttribute | NumberAttribute | BoolAttribute | VlanListAttribute | TextAttribute;

export type AttributeTable = Readonly<Record<string, Attribute>>;

/** The value type an attribute holds. */
export type AttributeValue<A extends Attribute> =
  A extends EnumAttribute<infer V>
    ? V
    : A extends IntAttribute | NumberAttribute
      ? number
      : A extends BoolAttribute
        ? boolean
        : string;

/** Checks one value against its attribute; `undefined` when valid. */
export function checkAttribute(attribute: Attribute, value: unknown): string | undefined {
  switch (attribute.type) {
    case 'enum':
      return typeof value === 'string' && (attribute.values as readonly string[]).includes(value)
        ? undefined
        : `must be one of ${attribute.values.join(', ')}; got ${JSON.stringify(value)}`;
    case 'int':
    case 'number': {
      if (typeof value !== 'number' || Number.isNaN(value)) return `must be a number; got ${JSON.stringify(value)}`;
      if (attribute.type === 'int' && !Number.isInteger(value)) return `must be a whole number; got ${value}`;
      if (value < attribute.min || value > attribute.max) {
        return `must be between ${attribute.min} and ${attribute.max}; got ${value}`;
      }
      return undefined;
    }
    case 'bool':
      return typeof value === 'boolean' ? undefined : `must be true or false; got ${JSON.stringify(value)}`;
    case 'vlan-list': {
      if (typeof value !== 'string') return `must be a VLAN list such as "1-239,241-255"; got ${JSON.stringify(value)}`;
      try {
        // Designs repeat a few lists over many ports: each text is parsed once (`sharedVlanSet`).
        const canonical = formatVlanSet(sharedVlanSet(value));
        return canonical === value ? undefined : `must be written in canonical form "${canonical}"`;
      } catch (e) {
        if (e instanceof VlanSetSyntaxError) return `is not a valid VLAN list: ${e.message}`;
        throw e;
      }
    }
    case 'text': {
      if (typeof value !== 'string') return `must be text; got ${JSON.stringify(value)}`;
      if (attribute.pattern && !attribute.pattern.test(value)) {
        return `"${value}" ${attribute.patternHelp ?? `does not match ${attribute.pattern}`}`;
      }
      return checkDescription(value);
    }
  }
}

function baseSchema(attribute: Attribute): z.ZodType {
  // A value of the wrong type gets the same sentence as a wrong value of the right type.
  const error = (issue: { input?: unknown }) =>
    `${attribute.label} ${checkAttribute(attribute, issue.input) ?? 'is required'}`;
  switch (attribute.type) {
    case 'enum':
      return z.enum(attribute.values as [string, ...string[]], { error });
    case 'int':
      return z.number({ error }).int({ error });
    case 'number':
      return z.number({ error });
    case 'bool':
      return z.boolean({ error });
    case 'vlan-list':
    case 'text':
      return z.string({ error });
  }
}

/** An attribute's value type, refined by the table's own check. */
export function attributeValueSchema<A extends Attribute>(attribute: A): z.ZodType<AttributeValue<A>> {
  return baseSchema(attribute).superRefine((value, ctx) => {
    const problem = checkAttribute(attribute, value);
    if (problem) ctx.addIssue({ code: 'custom', message: `${attribute.label} ${problem}` });
  }) as unknown as z.ZodType<AttributeValue<A>>;
}

/** The zod field for an attribute: its checked value, optional or defaulted. */
export function attributeSchema(attribute: Attribute): z.ZodType {
  const checked = attributeValueSchema(attribute);
  return attribute.default === undefined ? checked.optional() : checked.default(attribute.default as never);
}

type FieldOf<A extends Attribute> = A extends { default: unknown }
  ? z.ZodDefault<z.ZodType<AttributeValue<A>>>
  : z.ZodOptional<z.ZodType<AttributeValue<A>>>;

export type AttributeShape<T extends AttributeTable> = { -readonly [K in keyof T]: FieldOf<T[K]> };

/** A zod shape with one field per attribute of the table. */
export function attributeShape<T extends AttributeTable>(table: T): AttributeShape<T> {
  return Object.fromEntries(
    Object.entries(table).map(([key, attribute]) => [key, attributeSchema(attribute)]),
  ) as AttributeShape<T>;
}

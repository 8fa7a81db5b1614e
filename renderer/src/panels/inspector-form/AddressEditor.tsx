/** IPv4 and IPv6 configuration of a host interface: none (manual), static addresses and gateway, DHCP, SLAAC. */
import type { Inet, Inet6 } from '../../../../shared/model/schema.js';
import { fieldCommit } from './commit-hooks.js';
import { SelectField, TextField } from './fields.js';

type Family = 'inet' | 'inet6';

const splitList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function AddressEditor({ id, family, value }: { id: string; family: Family; value: Inet | Inet6 | undefined }) {
  const methods = family === 'inet' ? ['manual', 'static', 'dhcp'] : ['none', 'static', 'dhcp', 'auto'];
  const none = family === 'inet' ? 'manual' : 'none';
  const method = value?.method ?? none;
  const title = family === 'inet' ? 'IPv4' : 'IPv6';
  const commitMethod = fieldCommit(id, family, (m) => {
    if (m === none) return { [family]: undefined };
    if (m === 'static')
      return {
        [family]: {
          method: 'static',
          addresses:
            value?.method === 'static' ? value.addresses : [family === 'inet' ? '192.0.2.10/24' : 'fd00::10/64'],
        },
      };
    return { [family]: { method: m } };
  });
  return (
    <div className="address-editor" data-testid={`field-${family}`}>
      <SelectField
        label={title}
        value={method}
        options={methods.map((m) => ({ value: m, label: m === 'manual' ? 'manual (no address)' : m }))}
        commit={commitMethod}
        testId={`field-${family}-method`}
      />
      {value?.method === 'static' && (
        <>
          <TextField
            label={`${title} addresses`}
            help="CIDR, comma separated"
            value={value.addresses.join(', ')}
            parse={splitList}
            commit={fieldCommit(id, family, (addresses) => ({ [family]: { ...value, addresses } }))}
            testId={`field-${family}-addresses`}
          />
          <TextField
            label="Gateway"
            value={value.gateway ?? ''}
            parse={(t) => (t.trim() === '' ? undefined : t.trim())}
            commit={fieldCommit(id, family, (gateway) => {
              const next: Record<string, unknown> = { ...value };
              if (gateway === undefined) delete next.gateway;
              else next.gateway = gateway;
              return { [family]: next };
            })}
            testId={`field-${family}-gateway`}
          />
        </>
      )}
    </div>
  );
}

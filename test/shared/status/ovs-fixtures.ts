/**
 * `ovs-appctl bond/show` output written from Open vSwitch's own format
 * (ofproto/bond.c, `bond_print_details`, openvswitch/ovs), with interface
 * names and MACs of our own.
 */

/** OVS 3.x (Proxmox VE 8): an LACP balance-tcp bond the switch negotiated, and an active-backup one. */
export const OVS3_TWO_BONDS = `---- bond0 ----
bond_mode: balance-tcp
bond may use recirculation: yes, Recirc-ID : 1
bond-hash-basis: 0
lb_output action: disabled, bond-id: -1
updelay: 0 ms
downdelay: 0 ms
next rebalance: 6104 ms
lacp_status: negotiated
lacp_fallback_ab: false
active-backup primary: <none>
active member mac: 3c:ec:ef:10:20:31(enp1s0f1)

member enp1s0f0: enabled
  may_enable: true
  hash 12: 3 kB load
  hash 200: 41 kB load

member enp1s0f1: enabled
  active member
  may_enable: true
  hash 7: 1 kB load

---- bond1 ----
bond_mode: active-backup
bond may use recirculation: no, Recirc-ID : -1
bond-hash-basis: 0
lb_output action: disabled, bond-id: -1
updelay: 200 ms
downdelay: 200 ms
lacp_status: off
lacp_fallback_ab: false
active-backup primary: <none>
active member mac: 3c:ec:ef:10:20:40(eno1)

member eno1: enabled
  active member
  may_enable: true

member eno2: disabled
  may_enable: false

`;

/** OVS 2.15 and older: `slave` records; LACP configured but no partner answers. */
export const OVS2_LACP_CONFIGURED = `---- bond0 ----
bond_mode: balance-tcp
bond may use recirculation: yes, Recirc-ID : 1
bond-hash-basis: 0
updelay: 0 ms
downdelay: 0 ms
next rebalance: 9875 ms
lacp_status: configured
active slave mac: 00:00:00:00:00:00(none)

slave eth2: disabled
\tmay_enable: false

slave eth3: disabled
\tupdelay expires in 900 ms
\tmay_enable: false

`;

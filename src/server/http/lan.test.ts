import { describe, expect, it } from 'vitest';
import type os from 'node:os';
import { lanAddresses } from './lan.ts';
import { isLoopbackUrl } from '../../contract/address.ts';

const nic = (address: string, internal = false): os.NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
});

describe('the LAN address phones join at', () => {
  it('prefers a private LAN address, skips loopback and IPv6, puts link-local last', () => {
    expect(
      lanAddresses({
        lo: [nic('127.0.0.1', true)],
        docker0: [nic('172.17.0.1')],
        eth0: [nic('169.254.10.2')],
        wlan0: [
          nic('192.168.1.23'),
          { ...nic('fe80::1'), family: 'IPv6', cidr: 'fe80::1/64', scopeid: 2 },
        ],
        vpn: [nic('100.64.0.5')],
      }),
    ).toEqual(['192.168.1.23', '172.17.0.1', '100.64.0.5', '169.254.10.2']);
  });

  it('finds none on a machine with loopback only', () => {
    expect(lanAddresses({ lo: [nic('127.0.0.1', true)] })).toEqual([]);
  });

  it('tells loopback links (no phone can open them) from reachable ones', () => {
    for (const u of ['http://127.0.0.1:8080', 'http://localhost:8080', 'http://[::1]:8080'])
      expect(isLoopbackUrl(u)).toBe(true);
    for (const u of ['http://192.168.1.23:8080', 'https://mosaic.example.org', 'not a url'])
      expect(isLoopbackUrl(u)).toBe(false);
  });
});

import os from 'node:os';

/** Private IPv4 ranges (RFC 1918) first: a venue's Wi-Fi gives one of these. */
function rank(address: string): number {
  if (address.startsWith('192.168.')) return 0;
  if (address.startsWith('10.')) return 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 2;
  if (address.startsWith('169.254.')) return 4; // link-local: no DHCP answered
  return 3;
}

/**
 * This machine's IPv4 addresses that other devices on its networks can reach (not loopback),
 * best first: private LAN ranges, then others, link-local last.
 */
export function lanAddresses(
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): string[] {
  const found: string[] = [];
  for (const list of Object.values(interfaces))
    for (const a of list ?? [])
      if (a.family === 'IPv4' && !a.internal && !found.includes(a.address)) found.push(a.address);
  return found.sort((a, b) => rank(a) - rank(b));
}

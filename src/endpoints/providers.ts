import type { Provider, ProviderId } from './types';

export const PROVIDERS: Readonly<Record<ProviderId, Provider>> = {
  mullvad: {
    id: 'mullvad',
    name: 'Mullvad',
    logging: 'States it keeps no activity logs; the connection check is its public am.i.mullvad.net service.',
    policy: 'https://mullvad.net/en/help/privacy-policy',
  },
  ipify: {
    id: 'ipify',
    name: 'ipify',
    logging: '"No visitor information is ever logged. Period."',
    policy: 'https://www.ipify.org/',
  },
  cloudflare: {
    id: 'cloudflare',
    name: 'Cloudflare',
    logging: 'The 1.1.1.1 service states it keeps no source IP in non-volatile storage and deletes logs within 25 hours.',
    policy: 'https://developers.cloudflare.com/1.1.1.1/privacy/public-dns-resolver/',
  },
  bashws: {
    id: 'bashws',
    name: 'bash.ws (dnsleaktest)',
    logging: 'No published logging statement.',
    policy: 'https://bash.ws/dnsleak',
  },
  google: {
    id: 'google',
    name: 'Google STUN',
    logging: 'No published logging statement for its public STUN servers.',
    policy: 'https://policies.google.com/privacy',
  },
  akamai: {
    id: 'akamai',
    name: 'Akamai whoami',
    logging: 'No published logging statement for the whoami name.',
    policy: 'https://www.akamai.com/blog/developers/introducing-new-whoami-tool-dns-resolver-information',
  },
  leakless: {
    id: 'leakless',
    name: 'Your Leakless check server',
    logging: 'Zero-log by design: nothing about clients is written anywhere; tokens live in memory for at most 60 s.',
    policy: 'docs/self-hosting.md',
  },
};

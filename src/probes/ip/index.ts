export { IP_ADAPTERS, type IpAdapter, type IpParser } from './adapters';
export { parseCloudflareTrace } from './cloudflare';
export { combineIp } from './combine';
export { alpha2, countryCode } from './countries';
export { parseIpifyIp } from './ipify';
export { parseLeaklessIp } from './leakless';
export { parseMullvadIp } from './mullvad';
export { planIp, probeIp } from './probe';

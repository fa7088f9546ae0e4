export { parseBashwsId, parseBashwsResult, splitAsn } from './bashws';
export { parseLeaklessDns } from './leakless';
export { mergeResolvers } from './merge';
export { parseMullvadDns } from './mullvad';
export { probeDns } from './probe';

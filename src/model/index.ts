// The ground floor: types, code lists and pure helpers every layer above shares. Imports nothing of ours.
// address.ts is imported by path, not from here: it pulls in ipaddr.js, which the popup must not carry.
export * from './collections';
export * from './messages';
export * from './monitor';
export * from './problem';
export * from './results';
export * from './settings';
export * from './text';
export * from './verdict';

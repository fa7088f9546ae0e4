/** A fixed test key and clock, so the signer's tests can write their expected bytes out. Never used to serve. */
import { createPrivateKey } from 'node:crypto';
import { zoneKeyFrom } from './key.ts';

export const TEST_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgbhcMeKQ4j5lXeUQd
o6GEUS3TO5ayyTGTMaSHZEALzF6hRANCAAQjlpr6G/KV8+7E8vkV1SozH1R+5Ew1
ZmrLg2DUlkwVjbINAVNQg9MXsnV8hnGavElmrbBAAS7luNpWYyw1etUL
-----END PRIVATE KEY-----
`;

export const testKey = () => zoneKeyFrom(createPrivateKey(TEST_KEY_PEM));

/** 2026-12-01T12:00:00Z. */
export const TEST_NOW = 1_796_126_400;

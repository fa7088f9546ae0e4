/** Minimal STUN (RFC 8489): Binding Request in, Binding Success Response with XOR-MAPPED-ADDRESS out. */
import { bytesToIp, ipBytes, isIPv4 } from '../ip.ts';

export const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const XOR_MAPPED_ADDRESS = 0x0020;
const HEADER = 20;

/** The 12-byte transaction id of a well-formed Binding Request, or null to drop the packet. */
export function parseBindingRequest(msg: Buffer): Buffer | null {
  if (msg.length < HEADER || msg.length > 1500) return null;
  if (msg.readUInt16BE(0) !== BINDING_REQUEST) return null; // also rejects the two non-zero top bits
  if (msg.readUInt32BE(4) !== MAGIC_COOKIE) return null; // RFC 3489 clients and non-STUN noise
  const length = msg.readUInt16BE(2);
  if (length % 4 !== 0 || HEADER + length !== msg.length) return null;
  // Attributes must tile the body exactly; their content is ignored (nothing in a request changes the answer).
  for (let o = HEADER; o < msg.length; ) {
    if (o + 4 > msg.length) return null;
    const attrLen = msg.readUInt16BE(o + 2);
    o += 4 + Math.ceil(attrLen / 4) * 4;
    if (o > msg.length) return null;
  }
  return Buffer.from(msg.subarray(8, 20));
}

export function encodeBindingSuccess(transactionId: Buffer, address: string, port: number): Buffer {
  const v4 = isIPv4(address);
  const addr = ipBytes(address);
  const key = Buffer.alloc(16);
  key.writeUInt32BE(MAGIC_COOKIE, 0);
  transactionId.copy(key, 4);
  const value = Buffer.alloc(4 + addr.length);
  value.writeUInt8(0, 0);
  value.writeUInt8(v4 ? 0x01 : 0x02, 1);
  value.writeUInt16BE(port ^ (MAGIC_COOKIE >>> 16), 2);
  for (let i = 0; i < addr.length; i++) value[4 + i] = (addr[i] ?? 0) ^ (key[i] ?? 0);

  const msg = Buffer.alloc(HEADER + 4 + value.length);
  msg.writeUInt16BE(BINDING_SUCCESS, 0);
  msg.writeUInt16BE(4 + value.length, 2);
  msg.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(msg, 8);
  msg.writeUInt16BE(XOR_MAPPED_ADDRESS, HEADER);
  msg.writeUInt16BE(value.length, HEADER + 2);
  value.copy(msg, HEADER + 4);
  return msg;
}

/** Inverse of the above, for clients and tests. */
export function decodeXorMappedAddress(msg: Buffer): { transactionId: Buffer; address: string; port: number } | null {
  if (msg.length < HEADER || msg.readUInt16BE(0) !== BINDING_SUCCESS || msg.readUInt32BE(4) !== MAGIC_COOKIE) return null;
  const transactionId = msg.subarray(8, 20);
  const key = Buffer.concat([msg.subarray(4, 8), transactionId]);
  for (let o = HEADER; o + 4 <= msg.length; ) {
    const type = msg.readUInt16BE(o);
    const len = msg.readUInt16BE(o + 2);
    const v = msg.subarray(o + 4, o + 4 + len);
    if (type === XOR_MAPPED_ADDRESS && v.length >= 8) {
      const size = v[1] === 0x01 ? 4 : 16;
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = (v[4 + i] ?? 0) ^ (key[i] ?? 0);
      return { transactionId: Buffer.from(transactionId), address: bytesToIp(bytes), port: v.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16) };
    }
    o += 4 + Math.ceil(len / 4) * 4;
  }
  return null;
}

// Test doubles for runtime.Port (used by the tests only).
import { CHECK_PORT } from '../../model';
import type { PortLike } from '../protocol';

export interface FakePort extends PortLike {
  /** Everything posted on this end, oldest first. */
  readonly posted: unknown[];
  /** Delivers `message` to this end's onMessage listeners, as if the other end had posted it. */
  receive(message: unknown): void;
  /** The other end went away: listeners hear onDisconnect, and postMessage throws from now on (as in Chrome). */
  drop(): void;
  readonly connected: boolean;
}

export function fakePort(name: string = CHECK_PORT, sender?: { id?: string }): FakePort {
  const onMessage = new Set<(message: unknown) => void>();
  const onDisconnect = new Set<() => void>();
  let connected = true;
  const posted: unknown[] = [];
  return {
    name,
    ...(sender ? { sender } : {}),
    posted,
    get connected() {
      return connected;
    },
    postMessage(message) {
      if (!connected) throw new Error('Attempting to use a disconnected port object');
      // Ports carry JSON-serializable copies, never references.
      posted.push(structuredClone(message));
    },
    disconnect() {
      connected = false;
    },
    onMessage: { addListener: (listener) => onMessage.add(listener) },
    onDisconnect: { addListener: (listener) => onDisconnect.add(listener) },
    receive(message) {
      for (const listener of [...onMessage]) listener(structuredClone(message));
    },
    drop() {
      connected = false;
      for (const listener of [...onDisconnect]) listener();
    },
  };
}

/** Two connected ends: what one posts, the other receives on a later microtask. */
export function portPair(name: string = CHECK_PORT): { popup: FakePort; background: FakePort } {
  const popup = fakePort(name);
  const background = fakePort(name);
  const forward = (from: FakePort, to: FakePort) => {
    const post = from.postMessage.bind(from);
    from.postMessage = (message: unknown) => {
      post(message);
      const copy = structuredClone(message);
      queueMicrotask(() => to.connected && to.receive(copy));
    };
    const disconnect = from.disconnect.bind(from);
    from.disconnect = () => {
      disconnect();
      if (to.connected) to.drop();
    };
  };
  forward(popup, background);
  forward(background, popup);
  return { popup, background };
}

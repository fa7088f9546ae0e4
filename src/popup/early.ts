// The check the popup starts before its UI exists: only the port, the client and the gatherer, so it leaves as
// soon as this small graph is parsed (see start.ts).
import { browser } from '../ext/browser';
import { CHECK_PORT, type CheckResults } from '../model';
import { gatherCandidates, localPeer } from '../probes/webrtc/gather';
import { type CheckClient, createCheckClient } from './check-client';

/** The first run, until the UI takes it over. */
interface Early {
  readonly done: Promise<CheckResults>;
  latest: CheckResults | null;
  listener: ((results: CheckResults) => void) | null;
}

export interface StartedCheck {
  readonly client: CheckClient;
  /** The first run for the UI's first run(), with the latest update that came before; null after that. */
  adopt(onUpdate: (results: CheckResults) => void): Promise<CheckResults> | null;
}

export function startEarlyCheck(): StartedCheck {
  const client = createCheckClient(
    () => browser.runtime.connect({ name: CHECK_PORT }),
    // The popup page's RTCPeerConnection, read at each request (Chrome's worker has none, so it asks here).
    (urls, deadlineMs) => gatherCandidates(localPeer(), urls, deadlineMs),
  );
  // The background reads the settings itself, so nothing needs to wait for storage or the UI.
  const started: Early = {
    latest: null,
    listener: null,
    done: client.run(undefined, (results) => {
      started.latest = results;
      started.listener?.(results);
    }),
  };
  let early: Early | null = started;
  return {
    client,
    adopt(onUpdate) {
      const run = early;
      early = null;
      if (!run) return null;
      run.listener = onUpdate;
      if (run.latest) onUpdate(run.latest);
      return run.done;
    },
  };
}

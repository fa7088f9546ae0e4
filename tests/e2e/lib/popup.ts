// Reads the popup as a person would see it, through the test ids the popup promises (src/popup).
export interface PopupView {
  level: string;
  banner: string;
  ips: { ipv4: string[]; ipv6: string[] };
  resolvers: string[];
  webrtcPublic: string[];
  webrtcLocal: string[];
  states: Record<string, string>;
  /** Each section's text, by name. */
  sections: Record<string, string>;
  text: string;
}

/** Runs in the page: no imports, no closures over test code. */
export function readPopup(): PopupView {
  const all = (selector: string, root: ParentNode = document) =>
    [...root.querySelectorAll(selector)].map((e) => (e.textContent ?? '').trim());
  const section = (name: string) => document.querySelector(`[data-testid="section-${name}"]`) ?? document.createElement('div');
  const verdict = document.querySelector('[data-testid="verdict"]');
  const states: Record<string, string> = {};
  const sections: Record<string, string> = {};
  for (const s of document.querySelectorAll('[data-testid^="section-"]')) {
    const name = (s.getAttribute('data-testid') ?? '').replace('section-', '');
    states[name] = s.getAttribute('data-state') ?? '';
    sections[name] = (s.textContent ?? '').trim();
  }
  return {
    level: verdict?.getAttribute('data-level') ?? '',
    banner: (verdict?.textContent ?? '').trim(),
    ips: { ipv4: all('[data-testid="ip"]', section('ipv4')), ipv6: all('[data-testid="ip"]', section('ipv6')) },
    resolvers: all('[data-testid="resolver"]'),
    webrtcPublic: all('[data-testid="webrtc-public"]'),
    webrtcLocal: all('[data-testid="webrtc-local"]'),
    states,
    sections,
    // What a person sees (rendered text, line breaks), not the raw DOM text.
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is the point here
    text: document.body.innerText,
  };
}

/** True once every section has left 'pending', the verdict is final and the background's audit count arrived. */
export function popupSettled(): boolean {
  const level = document.querySelector('[data-testid="verdict"]')?.getAttribute('data-level');
  const sections = [...document.querySelectorAll('[data-testid^="section-"]')];
  const counted = document.querySelector('[data-testid="section-audit"][data-counted]') !== null;
  return (
    counted && !!level && level !== 'pending' && sections.length > 0 && sections.every((s) => s.getAttribute('data-state') !== 'pending')
  );
}

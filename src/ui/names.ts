import { endpointById, PROVIDERS, type Registry } from '../endpoints';

/** Endpoint id → its provider's display name, from the registry compiled into this build. */
export function providerNamer(registry: Registry): (endpointId: string) => string {
  return (endpointId) => {
    const endpoint = endpointById(registry, endpointId);
    return endpoint ? PROVIDERS[endpoint.provider].name : endpointId;
  };
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** "DE" → "Germany" in the UI language; the code itself when the runtime cannot name it. */
export function countryName(code: string, lang: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  if (!regionNames.has(lang)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
    } catch {
      // Old runtimes or an odd tag: codes are still readable.
    }
    regionNames.set(lang, names);
  }
  try {
    return regionNames.get(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

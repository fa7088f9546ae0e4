import { mkdirSync } from 'node:fs';

/** Screenshots the tests take; `npm run screenshots` copies the README's from here to docs/screenshots. */
export const SHOTS = new URL('../../../artifacts/screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });
export const shot = (name: string) => `${SHOTS}${name}.png`;

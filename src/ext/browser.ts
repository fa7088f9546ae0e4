// The one place that imports the polyfill, so unit tests can replace the browser APIs wholesale.
import browser from 'webextension-polyfill';

export { browser };
export type Browser = typeof browser;

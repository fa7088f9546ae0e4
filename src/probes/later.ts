/**
 * Local work a check can do a moment later (ICU's set-up for the locale and for country names: 30–120 ms on
 * its first use in a context, measured with `npm run bench:cpu`) waits this long after the check starts, so
 * the requests that leave a turn or two after the start (the check server's DNS names wait on one crypto hop)
 * are not held behind it. Every answer takes longer than this to come back.
 */
export const AFTER_FIRST_REQUESTS_MS = 25;

/**
 * Message names allow only [A-Za-z0-9_] in Chrome (a hyphen makes the whole locale fail to load),
 * so `http-status` becomes `problem_http_status`.
 */
export function codeKey(prefix: 'problem' | 'reason', code: string): string {
  return `${prefix}_${code.replaceAll('-', '_')}`;
}

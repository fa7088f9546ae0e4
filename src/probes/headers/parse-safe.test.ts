import { describe, expect, it, vi } from 'vitest';
import { safeParseHeaders } from './parse';

// A bug in the address reader, simulated: it throws on any header it is given.
vi.mock('./addresses', () => ({
  clientAddresses: () => {
    throw new Error('reader bug');
  },
}));

describe('safeParseHeaders', () => {
  it('turns a parser bug into this line’s own problem, not a thrown probe', () => {
    const body = JSON.stringify({ ip: '11.22.33.44', headers: [{ name: 'via', value: '1.1 proxy' }] });
    expect(safeParseHeaders(body)).toEqual({ ok: false, problem: { code: 'internal', detail: 'parser' } });
  });

  it('passes what parses through as it is', () => {
    expect(safeParseHeaders(JSON.stringify({ headers: [] }))).toEqual({ ok: true, value: [] });
    expect(safeParseHeaders('<html>')).toEqual({ ok: false, problem: { code: 'not-json' } });
  });
});

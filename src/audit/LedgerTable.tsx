import type { LedgerEntry } from '../net/types';
import { TEXT } from './text';

const time = (ms: number): string => new Date(ms).toLocaleTimeString();
const result = (e: LedgerEntry): string => [e.status === null ? '' : String(e.status), e.problem ?? ''].filter(Boolean).join(' · ') || '—';

export function LedgerTable({ entries }: { entries: readonly LedgerEntry[] }) {
  if (entries.length === 0) return <p>{TEXT.ledgerEmpty}</p>;
  return (
    <div class="scroll">
      <table>
        <caption>{TEXT.ledgerCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{TEXT.colTime}</th>
            <th scope="col">{TEXT.colEndpoint}</th>
            <th scope="col">{TEXT.colHost}</th>
            <th scope="col">{TEXT.colMethod}</th>
            <th scope="col" class="num">
              {TEXT.colOut}
            </th>
            <th scope="col" class="num">
              {TEXT.colIn}
            </th>
            <th scope="col">{TEXT.colResult}</th>
            <th scope="col">{TEXT.colCause}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={`${e.time}-${i}`}>
              <td>
                <time dateTime={new Date(e.time).toISOString()}>{time(e.time)}</time>
              </td>
              <th scope="row">{e.endpointId}</th>
              <td class="host">{e.host}</td>
              <td>{e.method}</td>
              <td class="num">{e.bytesOut}</td>
              <td class="num">{e.bytesIn}</td>
              <td>{result(e)}</td>
              <td>{e.cause ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

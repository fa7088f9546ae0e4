// Test fixtures for the monitor's tests: snapshots built one fact at a time.
import type { ExitView, FamilyView, MonitorSnapshot, VerdictLevel } from '../model';

export const VPN4: ExitView = { ip: '185.213.154.23', country: 'SE', organization: 'Example VPN' };
export const HOME4: ExitView = { ip: '84.171.20.99', country: 'DE', organization: 'Home ISP' };
export const VPN6: ExitView = { ip: '2a03:1b20:3::5', country: 'SE', organization: 'Example VPN' };
export const HOME6: ExitView = { ip: '2003:e5:1::99', country: 'DE', organization: 'Home ISP' };

export function snap(v4: FamilyView, v6: FamilyView, level: VerdictLevel, extra: Partial<MonitorSnapshot> = {}): MonitorSnapshot {
  return { time: 1000, fullTime: 1000, v4, v6, level, leaks: [], resolvers: [], cheapLeaks: [], headline: null, ...extra };
}

/** Text the console shows: countdowns, the sizing explanation, dates and money. */

/** Time left until `expiresAt`: `2h 05m`, `4m 09s`, `42s`, or `expired`. */
export function countdown(expiresAt: string | number | Date, now: number = Date.now()): string {
  const end = typeof expiresAt === 'number' ? expiresAt : new Date(expiresAt).getTime();
  if (!Number.isFinite(end)) return '';
  const s = Math.floor((end - now) / 1000);
  if (s <= 0) return 'expired';
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d}d ${two(h)}h`;
  if (h > 0) return `${h}h ${two(m)}m`;
  if (m > 0) return `${m}m ${two(sec)}s`;
  return `${sec}s`;
}

export interface SizingInput {
  sizing?: 'FIXED' | 'RISK_PERCENT' | string;
  fixedVolume?: string | number | null;
  riskPercent?: string | number | null;
  maxVolume?: string | number | null;
  volume?: string | number | null;
  instrument?: string;
  entry?: string | number | null;
  stopLoss?: string | number | null;
  equity?: string | number | null;
}

/** Contract size as approval-service sizes with it: FX pairs 100,000, XAU/XAG 100, else 1. */
export function contractSize(instrument: string | undefined): number {
  const i = (instrument ?? '').toUpperCase();
  if (i.startsWith('XAU') || i.startsWith('XAG')) return 100;
  if (/^[A-Z]{6}$/.test(i)) return 100_000;
  return 1;
}

function num(v: unknown): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Why the approval proposes this volume, in one or two sentences. */
export function sizingText(x: SizingInput): string {
  const vol = num(x.volume);
  const lots = vol === undefined ? 'this volume' : `${vol.toFixed(2)} lots`;
  const max = num(x.maxVolume);
  const cap = max === undefined ? '' : ` Your maximum is ${max.toFixed(2)} lots.`;
  if (x.sizing === 'FIXED') {
    const fixed = num(x.fixedVolume);
    return `Fixed size: ${fixed === undefined ? lots : fixed.toFixed(2) + ' lots'} on every signal, as set in your subscription.${cap}`;
  }
  if (x.sizing === 'RISK_PERCENT') {
    const risk = num(x.riskPercent);
    const entry = num(x.entry);
    const sl = num(x.stopLoss);
    const equity = num(x.equity);
    const riskText = risk === undefined ? 'a share' : `${risk}%`;
    if (entry !== undefined && sl !== undefined && equity !== undefined) {
      const dist = Math.abs(entry - sl);
      const cs = contractSize(x.instrument);
      const amount = (equity * (risk ?? 0)) / 100;
      const raw = dist > 0 ? amount / (dist * cs) : 0;
      let why = `Risk ${riskText} of equity ${equity.toFixed(2)} = ${amount.toFixed(2)} between entry ${entry} and stop loss ${sl} (${round(dist)} x contract size ${cs.toLocaleString('en-US')}) gives ${raw.toFixed(4)} lots, rounded down to 0.01`;
      if (max !== undefined && raw > max) why += `, capped at your maximum ${max.toFixed(2)}`;
      else if (raw < 0.01) why += ', raised to the minimum 0.01';
      return `${why}: ${lots}.`;
    }
    return `Risk ${riskText} of the account's last reported equity between entry and stop loss: ${lots} (the minimum lot until the terminal reports equity).${cap}`;
  }
  return `Proposed: ${lots}.`;
}

function round(n: number): string {
  return String(Number(n.toPrecision(10)));
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/Z$/, ' UTC');
}

/** `3 min ago`, `just now`; '—' for null. */
export function ago(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'never';
  const s = Math.round((now - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(s)) return iso;
  if (s < 10) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

export function money(m: { amount?: string; currency?: string } | null | undefined): string {
  if (!m || m.amount === undefined) return '—';
  return `${m.amount} ${m.currency ?? ''}`.trim();
}

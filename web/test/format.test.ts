import { describe, it, expect } from 'vitest';
import { countdown, sizingText, contractSize, ago } from '../src/lib/format';

const T0 = Date.parse('2026-11-24T00:00:00Z');

describe('countdown', () => {
  it('formats what is left', () => {
    expect(countdown(T0 + 42_000, T0)).toBe('42s');
    expect(countdown(T0 + 4 * 60_000 + 9_000, T0)).toBe('4m 09s');
    expect(countdown(T0 + 2 * 3600_000 + 5 * 60_000 + 59_000, T0)).toBe('2h 05m');
    expect(countdown(T0 + 3 * 86400_000 + 4 * 3600_000, T0)).toBe('3d 04h');
    expect(countdown('2026-11-24T00:00:01.999Z', T0)).toBe('1s');
  });
  it('says expired at and after the end', () => {
    expect(countdown(T0, T0)).toBe('expired');
    expect(countdown(T0 + 999, T0)).toBe('expired');
    expect(countdown(T0 - 5000, T0)).toBe('expired');
    expect(countdown('not a date', T0)).toBe('');
  });
});

describe('sizingText', () => {
  it('explains a fixed size', () => {
    expect(sizingText({ sizing: 'FIXED', fixedVolume: '0.10', maxVolume: '1.00', volume: '0.1' })).toBe(
      'Fixed size: 0.10 lots on every signal, as set in your subscription. Your maximum is 1.00 lots.',
    );
  });
  it('shows the risk arithmetic with the equity', () => {
    const t = sizingText({ sizing: 'RISK_PERCENT', riskPercent: '1', maxVolume: '5', volume: '0.33', instrument: 'EURUSD', entry: '1.084', stopLoss: '1.081', equity: '10000' });
    expect(t).toBe('Risk 1% of equity 10000.00 = 100.00 between entry 1.084 and stop loss 1.081 (0.003 x contract size 100,000) gives 0.3333 lots, rounded down to 0.01: 0.33 lots.');
  });
  it('says when the maximum caps it and when the minimum lot applies', () => {
    expect(sizingText({ sizing: 'RISK_PERCENT', riskPercent: '5', maxVolume: '1', volume: '1', instrument: 'EURUSD', entry: '1.084', stopLoss: '1.081', equity: '100000' })).toContain('capped at your maximum 1.00');
    expect(sizingText({ sizing: 'RISK_PERCENT', riskPercent: '0.1', maxVolume: '1', volume: '0.01', instrument: 'XAUUSD', entry: '2350', stopLoss: '2300', equity: '100' })).toContain('raised to the minimum 0.01');
  });
  it('explains the minimum lot before the first snapshot', () => {
    expect(sizingText({ sizing: 'RISK_PERCENT', riskPercent: '2', volume: '0.01' })).toMatch(/^Risk 2% of the account's last reported equity .*0\.01 lots \(the minimum lot/);
  });
  it('uses the contract sizes approval-service uses', () => {
    expect([contractSize('EURUSD'), contractSize('XAUUSD'), contractSize('US500')]).toEqual([100000, 100, 1]);
  });
});

describe('ago', () => {
  it('reads naturally', () => {
    expect(ago(null)).toBe('never');
    expect(ago('2026-11-24T00:00:00Z', T0 + 3000)).toBe('just now');
    expect(ago('2026-11-24T00:00:00Z', T0 + 125_000)).toBe('2 min ago');
  });
});

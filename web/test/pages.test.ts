import { describe, it, expect } from 'vitest';
import { referralCode } from '../src/pages/auth';
import { barTime, fibLevels } from '../src/pages/strategies';
import { tradingViewUrl, parseParams } from '../src/pages/admin';
import { executionText } from '../src/pages/approvals';

describe('page logic', () => {
  it('prefills the referral code from ?ref= first, then the sd_ref cookie', () => {
    expect(referralCode('?ref=ABC123', 'sd_ref=ZZZ')).toBe('ABC123');
    expect(referralCode('', 'a=1; sd_ref=ZZZ%2B1')).toBe('ZZZ+1');
    expect(referralCode('', 'a=1')).toBe('');
  });
  it('places a signal on its bar', () => {
    expect(barTime({ createdAt: '2026-11-24T10:37:12Z' }, 'H1')).toBe(Date.parse('2026-11-24T10:00:00Z') / 1000);
    expect(barTime({ candleTime: '2026-11-24T10:37:00Z', createdAt: '2026-11-24T10:38:01Z' }, 'M1')).toBe(Date.parse('2026-11-24T10:37:00Z') / 1000);
  });
  it('computes retracements of the swing before the signal', () => {
    const bars = [{ time: 1, high: 1.09, low: 1.085 }, { time: 2, high: 1.088, low: 1.08 }, { time: 3, high: 1.2, low: 1.0 }];
    expect(fibLevels(bars, 2, 100, [0.5], 'BUY')).toEqual([{ ratio: 0.5, price: 1.09 - 0.5 * (1.09 - 1.08) }]);
    expect(fibLevels(bars, 2, 100, [0.5], 'SELL')[0].price).toBeCloseTo(1.085);
  });
  it('builds the TradingView URL and checks strategy parameters', () => {
    expect(tradingViewUrl('http://127.0.0.1:8080', 'a/b')).toBe('http://127.0.0.1:8080/api/v1/hooks/tradingview/a%2Fb');
    expect(parseParams('')).toBeUndefined();
    expect(parseParams('{"rsiPeriod": 14}')).toEqual({ rsiPeriod: 14 });
    expect(() => parseParams('[1]')).toThrow(/JSON object/);
    expect(() => parseParams('{bad')).toThrow(SyntaxError);
  });
  it('describes the execution', () => {
    const base = { id: 'a', signalId: 's', subscriptionId: 'x', expiresAt: '', createdAt: '' };
    expect(executionText({ ...base, status: 'APPROVED' })).toBe('Sending to your terminal…');
    expect(executionText({ ...base, status: 'APPROVED', execution: { commandId: 'c', status: 'FILLED', price: '1.0841', volume: '0.1', ticket: 5001 } })).toBe('FILLED 0.1 lots at 1.0841, ticket 5001');
  });
});

/** Shapes of the API answers the console reads (docs/api.md). Decimals arrive as strings or numbers. */
export type Dec = string | number;

export interface SignalView {
  signalId: string;
  strategyId: string;
  instrument: string;
  side: 'BUY' | 'SELL';
  entry: Dec;
  stopLoss: Dec;
  takeProfit: Dec;
  expiresAt: string;
  rationale?: string;
}

export interface ExecutionView {
  commandId: string;
  status: string;
  deliveries?: number;
  ticket?: number;
  price?: Dec;
  volume?: Dec;
  executedAt?: string;
  error?: string;
}

export interface Approval {
  id: string;
  signalId: string;
  subscriptionId: string;
  status: string;
  volume?: Dec;
  expiresAt: string;
  decidedAt?: string;
  createdAt: string;
  signal?: SignalView;
  execution?: ExecutionView;
}

export interface Subscription {
  id: string;
  strategyId: string;
  deviceId?: string;
  sizing: 'FIXED' | 'RISK_PERCENT';
  fixedVolume?: Dec;
  riskPercent?: Dec;
  maxVolume: Dec;
  autoApprove: boolean;
  autoApproveMaxVolume?: Dec;
  createdAt: string;
}

export interface Strategy {
  id: string;
  name: string;
  kind: 'FIB_RSI' | 'EXTERNAL';
  instrument: string;
  timeframe: string;
  params?: Record<string, unknown>;
  retiredAt?: string;
  createdAt?: string;
}

export interface Guard {
  kind: string;
  stage: string;
  blocking: boolean;
  since: string;
  limit?: Dec;
  observed?: Dec;
}

export interface Device {
  id: string;
  name: string;
  brokerAccount: string;
  brokerServer: string;
  active: boolean;
  createdAt: string;
  revokedAt?: string;
  secret?: string;
  previousSecretValidUntil?: string;
  lastSeenAt?: string;
  guards?: Guard[];
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface Signal {
  id: string;
  strategyId: string;
  instrument: string;
  side: 'BUY' | 'SELL';
  entry: string;
  stopLoss: string;
  takeProfit: string;
  expiresAt: string;
  rationale: string;
  source: string;
  createdAt: string;
  candleTime?: string;
}

export interface Candle {
  time: string;
  open: Dec;
  high: Dec;
  low: Dec;
  close: Dec;
  volume?: Dec;
}

export interface Money {
  amount: string;
  currency: string;
}

-- A third guard kind: the terminal has sent no snapshot for too long.
ALTER TABLE account_guards DROP CONSTRAINT account_guards_guard_kind_check;
ALTER TABLE account_guards ADD CONSTRAINT account_guards_guard_kind_check
    CHECK (guard_kind IN ('DRAWDOWN', 'DAILY_LOSS', 'STALE_TERMINAL'));

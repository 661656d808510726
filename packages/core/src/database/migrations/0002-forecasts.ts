import { type Kysely, sql } from 'kysely';

// Forecasts that were trained, the predictions made from them, and how those predictions fared once
// actuals arrived. Plain SQL for PostgreSQL 15 and PGlite (PostgreSQL 18); every primary key leads
// with account_id, and every foreign key carries it, so a row can never point into another account.
const up = [
  sql`create table forecast_models (
    account_id text not null references accounts (account_id) on delete cascade,
    id bigint generated always as identity,
    metric_id text not null,
    requested_model text not null,
    model_name text not null,
    parameters jsonb not null,
    season_lengths integer[] not null,
    training_from date not null,
    training_to date not null,
    training_points integer not null,
    data_fingerprint text not null,
    horizon integer not null,
    level double precision not null,
    forecast jsonb not null,
    trained_at timestamptz not null,
    training_ms double precision not null,
    backtest_ms double precision,
    backtest_accuracy double precision,
    backtest_metrics jsonb not null default '{}',
    primary key (account_id, id),
    foreign key (account_id, metric_id) references metrics (account_id, id) on delete cascade,
    check (training_from <= training_to),
    check (horizon > 0)
  )`,
  // The cache looks up the newest model of (account, metric, requested model); health reads them all per account.
  sql`create index forecast_models_latest on forecast_models (account_id, metric_id, requested_model, trained_at desc)`,
  sql`create table forecast_runs (
    account_id text not null,
    id bigint generated always as identity,
    metric_id text not null,
    model_id bigint not null,
    horizon integer not null,
    level double precision not null,
    created_at timestamptz not null,
    primary key (account_id, id),
    foreign key (account_id, model_id) references forecast_models (account_id, id) on delete cascade,
    check (horizon > 0)
  )`,
  sql`create index forecast_runs_latest on forecast_runs (account_id, metric_id, created_at desc)`,
  sql`create table forecast_predictions (
    account_id text not null,
    run_id bigint not null,
    date date not null,
    metric_id text not null,
    step integer not null,
    mean double precision not null,
    lower double precision not null,
    upper double precision not null,
    actual double precision,
    actual_recorded_at timestamptz,
    primary key (account_id, run_id, date),
    foreign key (account_id, run_id) references forecast_runs (account_id, id) on delete cascade
  )`,
  // Actuals arrive per (account, metric, day) and fill every run's prediction of that day.
  sql`create index forecast_predictions_by_day on forecast_predictions (account_id, metric_id, date)`,
  sql`create table forecast_accuracy_checks (
    account_id text not null,
    id bigint generated always as identity,
    run_id bigint not null,
    metric_id text not null,
    model_name text not null,
    checked_at timestamptz not null,
    days_observed integer not null,
    wape double precision,
    mape double precision,
    accuracy double precision,
    coverage double precision,
    backtest_accuracy double precision,
    drift boolean not null,
    primary key (account_id, id),
    foreign key (account_id, run_id) references forecast_runs (account_id, id) on delete cascade
  )`,
  sql`create index forecast_accuracy_checks_latest on forecast_accuracy_checks (account_id, metric_id, checked_at desc)`,
];

const down = ['forecast_accuracy_checks', 'forecast_predictions', 'forecast_runs', 'forecast_models'];

export const forecastsSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of down) await sql`drop table if exists ${sql.table(table)}`.execute(db);
  },
};

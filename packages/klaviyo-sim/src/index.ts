export { createKlaviyoStore } from './store/create-klaviyo-store.js';
export { dailyTotals, type DailyTotal } from './store/daily-totals.js';
export { DEFAULT_STORE_OPTIONS, InvalidStoreOptionError } from './store/store-options.js';
export { METRIC_CATALOG } from './store/metric-catalog.js';
export { createSimulatorApp, type SimulatorAppOptions } from './http/create-simulator-app.js';
export { defaultApiKey, startSimulator, type RunningSimulator, type SimulatorOptions } from './server/start-simulator.js';
export { KLAVIYO_RATE_LIMITS, type RateLimit, type RateLimitTable } from './http/limits/rate-limit-table.js';
export type { RateLimitMode } from './http/limits/rate-limit-middleware.js';
export { FAULT_KINDS, InvalidFaultPlanError, parseFaultPlan, type FaultKind, type FaultPlan, type FaultRule } from './http/faults/fault-plan.js';
export type { Sleep } from './http/faults/fault-middleware.js';
export type { EventReader, EventRow } from './store/event-rows.js';
export type { GenerationCounts } from './store/day-assembly.js';
export type {
  AttributedOrder,
  AttributedOrderQuery,
  EventDay,
  EventPosition,
  EventQuery,
  KlaviyoStore,
  MessageActivityQuery,
  MessageDayActivity,
  ResolvedStoreOptions,
  SimAccount,
  SimAttribution,
  SimCampaign,
  SimCampaignMessage,
  SimChannel,
  SimEvent,
  SimFlow,
  SimFlowAction,
  SimFlowKind,
  SimFlowMessage,
  SimFlowStatus,
  SimIntegration,
  SimList,
  SimMetric,
  SimPredictiveAnalytics,
  SimProfile,
  SimSegment,
  SimStreetAddress,
  SimSubscriptions,
  StoreOptions,
} from './store/types.js';

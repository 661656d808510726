export { createKlaviyoStore } from './store/create-klaviyo-store.js';
export { dailyTotals, type DailyTotal } from './store/daily-totals.js';
export { DEFAULT_STORE_OPTIONS, InvalidStoreOptionError } from './store/store-options.js';
export { createSimulatorApp, type SimulatorAppOptions } from './http/create-simulator-app.js';
export { defaultApiKey, startSimulator, type RunningSimulator, type SimulatorOptions } from './server/start-simulator.js';
export type {
  EventPosition,
  EventQuery,
  KlaviyoStore,
  ResolvedStoreOptions,
  SimAccount,
  SimEvent,
  SimIntegration,
  SimMetric,
  SimProfile,
  SimStreetAddress,
  StoreOptions,
} from './store/types.js';

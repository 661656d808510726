import { hashKey } from '../random/hash.js';
import { formatKlaviyoDateTime } from '../time/klaviyo-datetime.js';
import { numericId, shortId } from './ids.js';
import type { SimChannel, SimFlow, SimFlowAction, SimFlowKind, SimFlowMessage } from './types.js';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** One send of a flow: its channel, content and the wait since the previous send (or the trigger). */
export interface FlowStepPlan {
  channel: SimChannel;
  name: string;
  subject: string;
  /** Wait before this send, after the trigger (first step) or the previous send. */
  delayMs: number;
  delay: { unit: 'hours' | 'days'; value: number };
}

export interface FlowPlan {
  kind: SimFlowKind;
  name: string;
  trigger_type: SimFlow['trigger_type'];
  steps: FlowStepPlan[];
}

const step = (channel: SimChannel, name: string, subject: string, unit: 'hours' | 'days', value: number): FlowStepPlan => ({
  channel,
  name,
  subject,
  delayMs: value * (unit === 'days' ? MS_PER_DAY : MS_PER_HOUR),
  delay: { unit, value },
});

/**
 * The account's flows, in the order `GET /api/flows` lists them. Welcome emails go out minutes
 * after signup; the abandonment flows wait a few hours after the triggering event; post-purchase
 * waits five days; win-back writes to customers 60 days after they lapsed.
 */
export const FLOW_PLANS: readonly FlowPlan[] = [
  {
    kind: 'welcome',
    name: 'Welcome Series',
    trigger_type: 'Added to List',
    steps: [
      step('email', 'Welcome Email 1', 'Welcome! Here is 10% off your first order', 'hours', 0),
      step('email', 'Welcome Email 2', 'Our story, and why we make things to last', 'days', 1),
      step('email', 'Welcome Email 3', 'Your 10% off expires soon', 'days', 2),
    ],
  },
  {
    kind: 'abandoned_cart',
    name: 'Abandoned Cart',
    trigger_type: 'Metric',
    steps: [
      step('email', 'Abandoned Cart Email 1', 'You left something behind', 'hours', 4),
      step('sms', 'Abandoned Cart SMS', 'Your cart is waiting: complete your order', 'hours', 20),
    ],
  },
  {
    kind: 'browse_abandonment',
    name: 'Browse Abandonment',
    trigger_type: 'Metric',
    steps: [step('email', 'Browse Abandonment Email 1', 'Still thinking it over?', 'hours', 6)],
  },
  {
    kind: 'post_purchase',
    name: 'Post-Purchase Thank You',
    trigger_type: 'Metric',
    steps: [step('email', 'Post-Purchase Email 1', 'How is your order? Tell us', 'days', 5)],
  },
  {
    kind: 'win_back',
    name: 'Win-Back',
    trigger_type: 'Date Based',
    steps: [
      step('email', 'Win-Back Email 1', 'We miss you: 15% off to come back', 'days', 60),
      step('email', 'Win-Back Email 2', 'Last chance: your 15% off ends soon', 'days', 4),
    ],
  },
];

/** The trigger metric of each metric-triggered flow. */
const TRIGGER_METRICS: Partial<Record<SimFlowKind, string>> = {
  abandoned_cart: 'Started Checkout',
  browse_abandonment: 'Viewed Product',
  post_purchase: 'Placed Order',
};

/** The plan of a flow kind. */
export function flowPlan(kind: SimFlowKind): FlowPlan {
  const plan = FLOW_PLANS.find((candidate) => candidate.kind === kind);
  if (!plan) throw new Error(`Unknown flow ${kind}`);
  return plan;
}

/** The message ref of a flow step: flows in order, steps in order, from 0. */
export function flowStepRef(kind: SimFlowKind, stepIndex: number): number {
  let ref = 0;
  for (const plan of FLOW_PLANS) {
    if (plan.kind === kind) return ref + stepIndex;
    ref += plan.steps.length;
  }
  throw new Error(`Unknown flow ${kind}`);
}

/** The flows with their actions and messages, ids derived from the seed. */
export interface FlowCatalog {
  flows: SimFlow[];
  actions: SimFlowAction[];
  messages: SimFlowMessage[];
  /** Flow message of each message ref below the campaign refs. */
  messageByRef: SimFlowMessage[];
}

/** Builds the flow catalogue; `newsletterListId` triggers the welcome series. */
export function createFlowCatalog(seed: number, createdBefore: number, newsletterListId: string): FlowCatalog {
  const flows: SimFlow[] = [];
  const actions: SimFlowAction[] = [];
  const messages: SimFlowMessage[] = [];
  FLOW_PLANS.forEach((plan, flowIndex) => {
    const created = createdBefore - (420 - flowIndex * 45) * MS_PER_DAY - (hashKey(seed, 'flow-created', plan.kind) % 86_400) * 1000;
    const updated = created + (10 + (hashKey(seed, 'flow-updated', plan.kind) % 200)) * MS_PER_DAY;
    const stamp = (offsetMinutes: number) => formatKlaviyoDateTime(created + offsetMinutes * 60_000);
    const flowId = shortId(seed, 'flow', plan.kind);
    const flowActions: SimFlowAction[] = [];
    plan.steps.forEach((flowStep, index) => {
      if (flowStep.delayMs > 0) {
        flowActions.push({ id: numericId(seed, 'flow-delay', plan.kind, index), flowId, action_type: 'TIME_DELAY', status: 'live', created: stamp(2 * index + 1), updated: formatKlaviyoDateTime(updated), delay: flowStep.delay });
      }
      const actionId = numericId(seed, 'flow-send', plan.kind, index);
      const messageId = shortId(seed, 'flow-message', plan.kind, index);
      flowActions.push({ id: actionId, flowId, action_type: flowStep.channel === 'sms' ? 'SEND_SMS' : 'SEND_EMAIL', status: 'live', created: stamp(2 * index + 2), updated: formatKlaviyoDateTime(updated), messageId });
      messages.push({ id: messageId, flowId, actionId, name: flowStep.name, channel: flowStep.channel, subject: flowStep.subject, preview_text: flowStep.channel === 'email' ? `${plan.name}: a note from us` : null, created: stamp(2 * index + 2), updated: formatKlaviyoDateTime(updated) });
    });
    actions.push(...flowActions);
    const trigger = plan.kind === 'welcome' ? { listId: newsletterListId } : { metric: TRIGGER_METRICS[plan.kind] ?? 'Placed Order' };
    flows.push({ id: flowId, kind: plan.kind, name: plan.name, status: 'live', archived: false, created: formatKlaviyoDateTime(created), updated: formatKlaviyoDateTime(updated), trigger_type: plan.trigger_type, trigger, actionIds: flowActions.map((action) => action.id) });
  });
  return { flows, actions, messages, messageByRef: messages };
}

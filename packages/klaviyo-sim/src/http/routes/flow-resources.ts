import type { SimFlow, SimFlowAction, SimFlowMessage } from '../../store/types.js';
import { relationshipLinks, resourceLink } from '../links.js';
import type { Resource } from '../resources.js';
import { pickFields } from '../sparse-fieldsets.js';

/** Top-level attributes of `flow`, `flow-action` and `flow-message`, for sparse fieldsets. */
export const FLOW_ATTRIBUTES = ['archived', 'created', 'name', 'status', 'trigger_type', 'updated'] as const;
export const FLOW_ACTION_ATTRIBUTES = ['created', 'definition', 'updated'] as const;
export const FLOW_MESSAGE_ATTRIBUTES = ['channel', 'created', 'definition', 'updated'] as const;

/** Sender of flow emails. */
export interface Sender {
  email: string;
  name: string;
}

/** The `flow` resource with its actions as a relationship. */
export function flowResource(base: string, flow: SimFlow, fields?: readonly string[]): Resource {
  const { id, name, status, archived, created, updated, trigger_type } = flow;
  return {
    type: 'flow',
    id,
    attributes: pickFields({ name, status, archived, created, updated, trigger_type }, fields),
    relationships: {
      'flow-actions': { data: flow.actionIds.map((actionId) => ({ type: 'flow-action', id: actionId })), links: relationshipLinks(base, 'flows', id, 'flow-actions') },
      tags: { data: [], links: relationshipLinks(base, 'flows', id, 'tags') },
    },
    links: { self: resourceLink(base, 'flows', id) },
  };
}

/** A flow message's `definition`: Klaviyo's FlowEmail or FlowSms shape. */
export function flowMessageDefinition(message: SimFlowMessage, sender: Sender): Record<string, unknown> {
  const common = { smart_sending_enabled: true, transactional: false, add_tracking_params: true, custom_tracking_params: null, additional_filters: null, template_id: null };
  if (message.channel === 'sms') {
    return { body: message.subject, image_id: null, dynamic_image: null, shorten_links: true, include_contact_card: false, add_org_prefix: true, add_info_link: true, add_opt_out_language: false, sms_quiet_hours_enabled: true, ...common };
  }
  return { from_email: sender.email, from_label: sender.name, reply_to_email: null, cc_email: null, bcc_email: null, subject_line: message.subject, preview_text: message.preview_text, ...common, name: message.name, id: message.id };
}

function actionDefinition(action: SimFlowAction, message: SimFlowMessage | undefined, sender: Sender): Record<string, unknown> {
  if (action.action_type === 'TIME_DELAY') {
    return { id: action.id, type: 'time-delay', data: { unit: action.delay?.unit ?? 'days', value: action.delay?.value ?? 0, secondary_value: null, timezone: 'profile', delay_until_time: null, delay_until_weekdays: null } };
  }
  const type = action.action_type === 'SEND_SMS' ? 'send-sms' : 'send-email';
  return { id: action.id, type, data: { message: message ? flowMessageDefinition(message, sender) : null, status: action.status } };
}

/** The `flow-action` resource: a send or a time delay, with its flow and messages. */
export function flowActionResource(base: string, action: SimFlowAction, message: SimFlowMessage | undefined, sender: Sender, fields?: readonly string[]): Resource {
  return {
    type: 'flow-action',
    id: action.id,
    attributes: pickFields({ created: action.created, updated: action.updated, definition: actionDefinition(action, message, sender) }, fields),
    relationships: {
      flow: { data: { type: 'flow', id: action.flowId }, links: relationshipLinks(base, 'flow-actions', action.id, 'flow') },
      'flow-messages': { data: action.messageId ? [{ type: 'flow-message', id: action.messageId }] : [], links: relationshipLinks(base, 'flow-actions', action.id, 'flow-messages') },
    },
    links: { self: resourceLink(base, 'flow-actions', action.id) },
  };
}

/** The `flow-message` resource. */
export function flowMessageResource(base: string, message: SimFlowMessage, sender: Sender, fields?: readonly string[]): Resource {
  return {
    type: 'flow-message',
    id: message.id,
    attributes: pickFields({ channel: message.channel, created: message.created, updated: message.updated, definition: flowMessageDefinition(message, sender) }, fields),
    relationships: {
      'flow-action': { data: { type: 'flow-action', id: message.actionId }, links: relationshipLinks(base, 'flow-messages', message.id, 'flow-action') },
      template: { links: relationshipLinks(base, 'flow-messages', message.id, 'template') },
    },
    links: { self: resourceLink(base, 'flow-messages', message.id) },
  };
}

import { describe, expect, it } from 'vitest';
import { attributionRows } from './event-attributions.js';

const rel = (type: string, id: string) => ({ data: { type, id } });
const event = (id: string, attributionIds: string[]) => ({
  type: 'event',
  id,
  attributes: {},
  relationships: { attributions: { data: attributionIds.map((attribution) => ({ type: 'attribution', id: attribution })) } },
});

describe('attributionRows', () => {
  const included = [
    { type: 'metric', id: 'M1', attributes: {} },
    { type: 'attribution', id: 'A1', relationships: { event: rel('event', 'E1'), 'attributed-event': rel('event', 'R1'), campaign: rel('campaign', 'C1'), 'campaign-message': rel('campaign-message', 'CM1') } },
    { type: 'attribution', id: 'A2', relationships: { flow: rel('flow', 'F1'), 'flow-message': rel('flow-message', 'FM1'), 'flow-message-variation': rel('flow-message', 'V1') } },
    { type: 'attribution', id: 'A3', relationships: 'not an object' },
  ];

  it('joins each event to its included attributions by id', () => {
    const rows = attributionRows([event('E1', ['A1']), event('E2', ['A2', 'A3', 'A9'])], included, new Set(['E1', 'E2']));
    expect(rows.map(({ attributes: _attributes, ...row }) => row)).toEqual([
      { event_id: 'E1', id: 'A1', attributed_event_id: 'R1', campaign_id: 'C1', campaign_message_id: 'CM1', flow_id: null, flow_message_id: null, flow_message_variation_id: null },
      { event_id: 'E2', id: 'A2', attributed_event_id: null, campaign_id: null, campaign_message_id: null, flow_id: 'F1', flow_message_id: 'FM1', flow_message_variation_id: 'V1' },
    ]);
  });

  it('skips events that were not stored (quarantined) and pages without attributions', () => {
    expect(attributionRows([event('E1', ['A1'])], included, new Set())).toEqual([]);
    expect(attributionRows([event('E1', ['A1'])], undefined, new Set(['E1']))).toEqual([]);
  });
});

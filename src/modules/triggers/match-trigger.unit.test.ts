import { describe, expect, it } from 'vitest';
import { isInternalTopic, matchesFilter, renderTemplate } from './match-trigger.ts';

describe('matching an event to a trigger', () => {
  it('given no filter, when matched, then every event of the topic passes', () => {
    expect(matchesFilter({}, { to: 'confirmed' })).toBe(true);
  });

  it('given a status filter, when the event goes to a listed status, then it passes, else not', () => {
    expect(matchesFilter({ to: ['confirmed', 'shipped'] }, { from: 'on_hold', to: 'confirmed' })).toBe(true);
    expect(matchesFilter({ to: ['confirmed'] }, { from: 'submitted', to: 'on_hold' })).toBe(false);
  });

  it('given a filter on a field the payload lacks or holds as an object, when matched, then it fails', () => {
    expect(matchesFilter({ holdType: ['credit'] }, { to: 'x' })).toBe(false);
    expect(matchesFilter({ holdType: ['credit'] }, { holdType: { nested: 1 } })).toBe(false);
  });

  it('given two filtered fields, when one does not match, then the event fails', () => {
    expect(matchesFilter({ to: ['on_hold'], from: ['submitted'] }, { from: 'confirmed', to: 'on_hold' })).toBe(false);
  });

  it('given the topics of trigger actions and timers, when checked, then they are internal', () => {
    expect(isInternalTopic('trigger.action')).toBe(true);
    expect(isInternalTopic('approval.escalation_due')).toBe(true);
    expect(isInternalTopic('order.confirmed')).toBe(false);
  });
});

describe('message templates', () => {
  it('given placeholders, when rendered, then payload and event values fill them and unknown ones are empty', () => {
    const event = { topic: 'order.status_changed', entityId: 'o-1', payload: { number: 'SO-1', to: 'confirmed', lines: [1] } };
    expect(renderTemplate('{{ number }} → {{to}} ({{topic}}, {{entityId}}) {{lines}}{{nope}}', event)).toBe('SO-1 → confirmed (order.status_changed, o-1) ');
  });
});

import { describe, expect, it } from 'vitest';
import { PREDEFINED_LENGTHS, allAis, findAi, findAiAt } from './ai-table.ts';

const definitions = [...allAis()];
const ais = definitions.map((d) => d.ai);

describe('the GS1 AI table', () => {
  it('holds the healthcare and logistics AIs', () => {
    for (const ai of [
      '00',
      '01',
      '02',
      '10',
      '11',
      '17',
      '21',
      '240',
      '3103',
      '37',
      '3922',
      '410',
      '7003',
      '8006',
      '8013',
      '8020',
      '90',
      '99',
    ]) {
      expect(findAi(ai), ai).toBeDefined();
    }
    expect(definitions.length).toBeGreaterThan(200);
  });

  it('has no AI that is a prefix of another, so a raw string splits one way only', () => {
    for (const ai of ais) {
      expect(
        ais.filter((other) => other !== ai && other.startsWith(ai)),
        ai,
      ).toEqual([]);
    }
  });

  it('gives every AI of a predefined-length prefix exactly that fixed length', () => {
    for (const definition of definitions) {
      const total = PREDEFINED_LENGTHS.get(definition.ai.slice(0, 2));
      if (total === undefined) {
        expect(definition.predefinedLength, definition.ai).toBeUndefined();
      } else {
        expect(
          [definition.minLength, definition.maxLength, definition.predefinedLength],
          definition.ai,
        ).toEqual(Array(3).fill(total - definition.ai.length));
      }
    }
  });

  it('names in its pairing rules only AIs that exist', () => {
    const exists = (pattern: string): boolean =>
      ais.some(
        (ai) => ai.length === pattern.length && [...pattern].every((c, i) => c === 'n' || c === ai[i]),
      );
    for (const definition of definitions) {
      const patterns = [...definition.requires.flat(2), ...definition.excludes];
      for (const pattern of patterns) expect(exists(pattern), `${definition.ai} → ${pattern}`).toBe(true);
    }
  });

  it('reads the component formats of the GS1 notation', () => {
    expect(findAi('01')).toMatchObject({ minLength: 14, maxLength: 14, predefinedLength: 14 });
    expect(findAi('10')).toMatchObject({ minLength: 1, maxLength: 20, predefinedLength: undefined });
    expect(findAi('8008')).toMatchObject({ minLength: 8, maxLength: 12 });
    expect(findAi('253')).toMatchObject({ minLength: 13, maxLength: 30 });
    expect(findAi('422')).toMatchObject({ minLength: 3, maxLength: 3, predefinedLength: undefined });
    expect(findAi('3105')?.requires).toEqual([[['01'], ['02']]]);
    expect(findAi('250')?.requires).toEqual([
      [
        ['01', '21'],
        ['03', '21'],
        ['8006', '21'],
      ],
    ]);
    expect(findAi('3106')).toBeUndefined();
  });

  it('finds 2-, 3- and 4-digit AIs at a position of a raw string', () => {
    expect(findAiAt('xx10ABC', 2)?.ai).toBe('10');
    expect(findAiAt('240ABC', 0)?.ai).toBe('240');
    expect(findAiAt('8013ABC', 0)?.ai).toBe('8013');
    expect(findAiAt('0512', 0)).toBeUndefined();
    expect(findAiAt('1', 0)).toBeUndefined();
  });
});

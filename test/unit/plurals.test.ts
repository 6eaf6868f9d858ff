import { describe, expect, it } from 'vitest';
import { germanSingulars, plural, singular, toTableName } from '../../core/naming.js';
import { singularInDocument } from '../../core/parsers/markdown/document-words.js';

describe('plurals English rules misread', () => {
  it('reads German endings no English word shares, both ways, and leaves short or English words to English rules', () => {
    const pairs = [['Bestellung', 'Bestellungen'], ['Einheit', 'Einheiten'], ['Gesellschaft', 'Gesellschaften'], ['Tätigkeit', 'Tätigkeiten']];
    for (const [one, many] of pairs) {
      expect(singular(many!)).toBe(one);
      expect(plural(one!)).toBe(many);
    }
    expect([singular('Positionen'), singular('Kundinnen')]).toEqual(['Position', 'Kundin']);
    // English plurals of `-ion` and `-in`, and short words, stay English.
    expect([plural('Region'), plural('Admin'), plural('lung'), singular('lungs'), singular('regions')]).toEqual(['Regions', 'Admins', 'lungs', 'lung', 'region']);
    expect(toTableName('Zahlung')).toBe('zahlungen');
  });

  it('reads the umlaut a German plural puts on its stem, written or spelled out', () => {
    expect(germanSingulars('Fahrräder')).toContain('Fahrrad');
    expect(germanSingulars('fahrraeder')).toContain('fahrrad');
    expect(germanSingulars('Mäntel')).toEqual(['Mantel']);
    expect(germanSingulars('Bücher')).toEqual(['Bucher', 'Büch', 'Buch']);
    expect(singularInDocument('fahrraeder', new Set(['fahrrad', 'anlegen']))).toBe('fahrrad');
    // A word without an umlaut or a plural ending has no other singular.
    expect(germanSingulars('Haus')).toEqual([]);
  });

  it('takes the singular a document uses beside a plural it cannot read, the shortest cut first', () => {
    const words = new Set(['kategorie', 'zutat', 'rezept', 'even', 'kund']);
    expect(['Kategorien', 'Zutaten', 'Rezepte'].map((word) => singularInDocument(word, words))).toEqual(['Kategorie', 'Zutat', 'Rezept']);
    // Only a plural ending is cut (`event` is no plural of `even`), never to fewer than four letters.
    expect([singularInDocument('event', words), singularInDocument('Kunden', words), singularInDocument('tags', new Set(['tag']))]).toEqual([undefined, 'Kund', undefined]);
    // Polish and Turkish plurals beside the singular a key names (`lektor_id`, `restoranId`).
    expect([singularInDocument('lektorzy', new Set(['lektor'])), singularInDocument('restoranlar', new Set(['restoran'])), singularInDocument('masalar', new Set(['masa']))]).toEqual(['lektor', 'restoran', 'masa']);
  });
});

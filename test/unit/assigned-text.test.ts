import { describe, expect, it } from 'vitest';
import { assignableText, MIN_ASSIGNED_DIGITS } from '../../core/index.js';

describe('assignableText: the text the app can key a row with, which every constraint on it takes', () => {
  it('takes a UUID in hex or as text, in the order asked, when nothing bounds it', () => {
    expect(assignableText([{}], 'hex')).toEqual({ form: 'hex', digits: 32 });
    expect(assignableText([{}], 'uuid-text')).toEqual({ form: 'uuid-text' });
  });

  it('shortens the hex digits to the tightest bound of the field and its paths', () => {
    expect(assignableText([{ maxLength: 64 }, { maxLength: 12 }], 'hex')).toEqual({ form: 'hex', digits: 12 });
    expect(assignableText([{ maxLength: 12 }], 'uuid-text')).toEqual({ form: 'hex', digits: 12 });
  });

  it('refuses too few digits to stay unique, a minimum past what it makes, and a pattern that refuses it', () => {
    expect(assignableText([{}, { maxLength: MIN_ASSIGNED_DIGITS - 1 }], 'hex')).toBeUndefined();
    expect(assignableText([{ minLength: 40 }], 'hex')).toBeUndefined();
    expect(assignableText([{ pattern: '[a-z0-9]{4,7}' }, { pattern: '(^[a-z0-9]{4,7}$|^AppConfig\\.[A-Za-z0-9]{9,40}$)' }], 'hex')).toBeUndefined();
    expect(assignableText([{ pattern: '^[0-9]+$' }], 'hex')).toBeUndefined();
  });

  it('reads an unanchored pattern as JSON Schema does, and one that gives the text\'s shape', () => {
    expect(assignableText([{ pattern: '[a-z0-9]{4,7}' }], 'hex')).toEqual({ form: 'hex', digits: 32 });
    expect(assignableText([{ pattern: '^[0-9a-f-]{36}$' }], 'hex')).toEqual({ form: 'uuid-text' });
  });

  it('leaves out a pattern JavaScript cannot read: nothing checks it', () => {
    expect(assignableText([{ pattern: '(?P<x>[a-z]+' }], 'hex')).toEqual({ form: 'hex', digits: 32 });
  });
});

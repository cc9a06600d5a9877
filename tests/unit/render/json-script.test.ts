import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../../src/render/json-script.js';

describe('jsonForScript', () => {
  it.each([
    ['</script><script>alert(1)</script>', '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"'],
    ['<!-- 注释', '"\\u003c!-- 注释"'],
    ['甲&乙', '"甲\\u0026乙"'],
    ['行\u2028分\u2029段', '"行\\u2028分\\u2029段"'],
    ['引号"和\\反斜杠', '"引号\\"和\\\\反斜杠"'],
  ])('%j -> %s', (input, expected) => {
    expect(jsonForScript(input)).toBe(expected);
  });

  it('stays JSON that reads back as the same value', () => {
    const value = { headline: '</script>标题', list: ['<', '>', '&', '\u2028'], n: 1 };
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });

  it('refuses a value JSON cannot represent, as our own bug', () => {
    expect(() => jsonForScript(undefined)).toThrow('Internal error');
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRenderer } from '../../../src/render/environment.js';
import { defaultThemeDir } from '../../../src/render/theme-dir.js';

// Each case is a site's own article.njk (other templates beside it); `printsVerbatim` must say yes
// only when every way the template can reach article.html prints it whole and unescaped.
const cases: [string, Record<string, string>, boolean][] = [
  ['the default theme', {}, true],
  ['a block printing it with safe, inside an if', { 'article.njk': '{% extends "base.njk" %}{% block main %}{% if article.title %}{{ article.html | safe }}{% endif %}{% endblock %}' }, true],
  ['a loop printing it twice', { 'article.njk': '{% for s in article.sections %}{{ article.html | safe }}{% endfor %}{{ article.html | safe }}' }, true],
  ['a partial printing it, included as is', { 'article.njk': '<main>{% include "partials/body.njk" %}</main>', 'partials/body.njk': '{{ article.html | safe }}' }, true],
  ['super() printed as is', { 'article.njk': '{% extends "mid.njk" %}{% block main %}<b>{{ super() }}</b>{% endblock %}', 'mid.njk': '{% block main %}{{ article.html | safe }}{% endblock %}' }, true],
  ['it escaped', { 'article.njk': '{{ article.html }}' }, false],
  ['another filter after safe', { 'article.njk': '{{ article.html | safe | upper }}' }, false],
  ['a filter before safe', { 'article.njk': '{{ article.html | striptags | safe }}' }, false],
  ['safe with an argument', { 'article.njk': '{{ article.html | safe(1) }}' }, false],
  ['its length', { 'article.njk': '{{ article.html.length }}' }, false],
  ['a test of it', { 'article.njk': '{% if article.html %}x{% endif %}' }, false],
  ['a set block capturing it', { 'article.njk': '{% set b %}{{ article.html | safe }}{% endset %}{{ b | replace("p", "q") }}' }, false],
  ['a filter block around it', { 'article.njk': '{% filter upper %}{{ article.html | safe }}{% endfilter %}' }, false],
  ['a set block capturing a partial that prints it', { 'article.njk': '{% set b %}{% include "partials/body.njk" %}{% endset %}{{ b | upper }}', 'partials/body.njk': '{{ article.html | safe }}' }, false],
  ['a macro printing it', { 'article.njk': '{% macro m() %}{{ article.html | safe }}{% endmacro %}{{ m() | upper }}' }, false],
  ['a call block printing it', { 'article.njk': '{% macro w() %}{{ caller() | upper }}{% endmacro %}{% call w() %}{{ article.html | safe }}{% endcall %}' }, false],
  ['super() through a filter', { 'article.njk': '{% extends "mid.njk" %}{% block main %}{{ super() | upper }}{% endblock %}', 'mid.njk': '{% block main %}{{ article.html | safe }}{% endblock %}' }, false],
  ['the article under another name', { 'article.njk': '{% set a = article %}{{ a.html | safe }}' }, false],
  ['the article passed to a filter', { 'article.njk': '{{ article | dump | safe }}' }, false],
  ['a key looked up by variable', { 'article.njk': '{% set k = "html" %}{{ article[k] | safe }}' }, false],
  ['a partial named by a variable', { 'article.njk': '{% include name %}' }, false],
  ['a partial that does not exist', { 'article.njk': '{% include "partials/none.njk" %}' }, false],
];

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function renderer(templates: Record<string, string>): ReturnType<typeof createRenderer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-verbatim-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(templates)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return createRenderer({ themeDirs: [dir, defaultThemeDir()] });
}

describe('printsVerbatim', () => {
  it.each(cases)('article.html with %s: %s', (_, templates, expected) => {
    expect(renderer(templates).printsVerbatim('article.njk', 'article', 'html')).toBe(expected);
  });

  it('answers for the key asked about: the default theme prints the title escaped', () => {
    expect(renderer({}).printsVerbatim('article.njk', 'article', 'title')).toBe(false);
  });
});

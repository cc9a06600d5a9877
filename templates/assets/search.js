// The search page: reads the site's own index (/search-index/, written by the build) through
// search-core.js, the module the build indexes with. It fetches only the shards of the query's
// tokens and the documents of the results it shows. No inline script or style, no other host;
// without JavaScript the page says so and links to the archive.
import { decodeShard, parseQuery, rankDocuments, shardOf, snippet, markText } from './search-core.js';

const INDEX = '/search-index/';
const PAGE_SIZE = 20;

const form = document.querySelector('[data-search-form]');
const input = document.querySelector('[data-search-input]');
const status = document.querySelector('[data-search-status]');
const list = document.querySelector('[data-search-results]');
const more = document.querySelector('[data-search-more]');

let meta;
const shardCache = new Map();
let current = { runs: [], ranked: [], shown: 0 };

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response;
}

function loadMeta() {
  meta ??= fetchOk(`${INDEX}meta.json`).then((r) => r.json());
  return meta;
}

function loadShard(index) {
  if (!shardCache.has(index)) {
    shardCache.set(index, fetchOk(`${INDEX}s/${index}.bin`).then(async (r) => new Uint8Array(await r.arrayBuffer())));
  }
  return shardCache.get(index);
}

async function loadDocument(id) {
  const text = await (await fetchOk(`${INDEX}d/${id}.txt`)).text();
  const cut = text.indexOf('\n');
  return { ...JSON.parse(text.slice(0, cut)), text: text.slice(cut + 1) };
}

// The Traditional mirror's search page has its form moved under the mirror's prefix: results link there too.
function resultHref(url) {
  const action = form.getAttribute('action') ?? '/search/';
  const prefix = action.replace(/search\/$/, '');
  return prefix + url.slice(1);
}

function marked(element, pieces) {
  for (const piece of pieces) {
    if (piece.mark) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      element.append(mark);
    } else element.append(piece.text);
  }
  return element;
}

function resultItem(doc, runs) {
  const item = document.createElement('li');
  item.className = 'article-list__item search-result';
  const link = marked(document.createElement('a'), markText(doc.title, runs));
  link.className = 'article-list__title';
  link.href = resultHref(doc.url);
  const info = document.createElement('span');
  info.className = 'article-list__meta';
  const time = document.createElement('time');
  time.dateTime = doc.date;
  time.textContent = doc.date;
  info.append(time);
  if (doc.column) info.append(` ${doc.column}`);
  const excerpt = marked(document.createElement('p'), snippet(doc.text, runs));
  excerpt.className = 'article-list__summary';
  item.append(link, info, excerpt);
  return item;
}

async function showMore(focusFirst) {
  const next = current.ranked.slice(current.shown, current.shown + PAGE_SIZE);
  const docs = await Promise.all(next.map((r) => loadDocument(r.doc)));
  const items = docs.map((doc) => resultItem(doc, current.runs));
  list.append(...items);
  current.shown += next.length;
  more.hidden = current.shown >= current.ranked.length;
  if (focusFirst) items[0]?.querySelector('a')?.focus();
}

async function run(query) {
  list.replaceChildren();
  more.hidden = true;
  const { runs, tokens } = parseQuery(query);
  if (tokens.length === 0) {
    status.textContent = query ? `“${query}”中没有可以搜索的文字，请输入汉字、字母或数字。` : '请输入要搜索的词语。';
    return;
  }
  status.textContent = '正在搜索……';
  try {
    const { shards } = await loadMeta();
    const indexes = [...new Set(tokens.map((t) => shardOf(t, shards)))];
    const wanted = new Set(tokens);
    const postings = new Map();
    for (const bytes of await Promise.all(indexes.map(loadShard))) decodeShard(bytes, wanted, postings);
    current = { runs, ranked: rankDocuments(tokens, postings), shown: 0 };
    await showMore(false);
    status.textContent = current.ranked.length === 0
      ? `没有找到与“${query}”相关的文章。请换一个词语，或减少关键词。`
      : `找到 ${current.ranked.length} 篇与“${query}”相关的文章。`;
  } catch (error) {
    status.textContent = '搜索暂时不可用，请稍后再试，或按栏目浏览。';
    console.error(error);
  }
}

if (form && input && status && list && more) {
  const query = new URLSearchParams(window.location.search).get('q') ?? '';
  input.value = query;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = input.value.trim();
    const url = new URL(window.location.href);
    url.searchParams.set('q', next);
    window.history.replaceState(null, '', url);
    void run(next);
  });
  more.addEventListener('click', () => void showMore(true));
  void run(query.trim());
}

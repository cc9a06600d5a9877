// The search page's results, drawn over Pagefind's JS API: our own markup and styles, so the
// pages' CSP needs no inline styles. Without JavaScript the page says so and links to the archive.
const form = document.querySelector('[data-search-form]');
const input = document.querySelector('[data-search-input]');
const status = document.querySelector('[data-search-status]');
const list = document.querySelector('[data-search-results]');
const MAX_RESULTS = 30;

let pagefindModule;

function loadPagefind() {
  pagefindModule ??= import('/pagefind/pagefind.js').then(async (pagefind) => {
    await pagefind.options({ excerptLength: 40 });
    await pagefind.init();
    return pagefind;
  });
  return pagefindModule;
}

function resultItem(data) {
  const item = document.createElement('li');
  item.className = 'article-list__item search-result';
  const link = document.createElement('a');
  link.className = 'article-list__title';
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  const excerpt = document.createElement('p');
  excerpt.className = 'article-list__summary';
  // Pagefind's excerpt is escaped page text with <mark> around the matches.
  excerpt.innerHTML = data.excerpt;
  item.append(link, excerpt);
  return item;
}

async function run(query) {
  list.replaceChildren();
  if (!query) {
    status.textContent = '请输入要搜索的词语。';
    return;
  }
  status.textContent = '正在搜索……';
  try {
    const pagefind = await loadPagefind();
    const search = await pagefind.search(query);
    const shown = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    list.replaceChildren(...shown.map(resultItem));
    status.textContent = shown.length === 0
      ? `没有找到与“${query}”相关的文章。`
      : `找到 ${search.results.length} 篇与“${query}”相关的文章。`;
  } catch (error) {
    status.textContent = '搜索暂时不可用，请稍后再试，或按栏目浏览。';
    console.error(error);
  }
}

if (form && input && status && list) {
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
  void run(query.trim());
}

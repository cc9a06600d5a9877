import { describe, expect, it } from 'vitest';
import { ByteWriter, decodeShard, foldText, markText, parseQuery, rankDocuments, scanText, shardOf, snippet, type Posting } from '../../../src/search/search-core.js';

function tokensOf(text: string): string[] {
  const out: string[] = [];
  scanText(text, {
    single: (c) => out.push(String.fromCharCode(c)),
    pair: (a, b) => out.push(String.fromCharCode(a, b)),
    word: (w) => out.push(w),
  });
  return out;
}

describe('scanText', () => {
  it.each([
    ['主题教育', ['主', '题', '主题', '教', '题教', '育', '教育']],
    ['主題教育', ['主', '题', '主题', '教', '题教', '育', '教育']],
    ['G20峰会', ['g20', '峰', '会', '峰会']],
    ['ＧＤＰ增长6.5%', ['gdp', '增', '长', '增长', '6', '5']],
    ['经济，发展', ['经', '济', '经济', '发', '展', '发展']],
    ['Café au lait', ['café', 'au', 'lait']],
    ['', []],
  ])('cuts %j into %j', (text, tokens) => {
    expect(tokensOf(text)).toEqual(tokens);
  });
});

describe('parseQuery', () => {
  it.each([
    ['主题教育', ['主题教育'], ['主题', '题教', '教育']],
    ['主題教育', ['主题教育'], ['主题', '题教', '教育']],
    ['经', ['经'], ['经']],
    ['供暖 街道', ['供暖', '街道'], ['供暖', '街道']],
    ['2023年 GDP', ['2023', '年', 'gdp'], ['2023', '年', 'gdp']],
    ['经济经济', ['经济经济'], ['经济', '济经']],
    ['，。！', [], []],
  ])('reads %j as runs %j and tokens %j', (query, runs, tokens) => {
    expect(parseQuery(query)).toEqual({ runs, tokens });
  });
});

describe('foldText', () => {
  it('keeps the length, so positions carry over to the original text', () => {
    const text = '國務院關於ＡＢＣ的通知';
    expect(foldText(text)).toBe('国务院关于abc的通知');
    expect(foldText(text)).toHaveLength(text.length);
  });
});

describe('shardOf', () => {
  it.each([['主题', 1024], ['gdp', 256], ['经', 4096]])('puts %j in a fixed shard below %i', (token, count) => {
    const shard = shardOf(token, count);
    expect(shard).toBe(shardOf(token, count));
    expect(shard).toBeGreaterThanOrEqual(0);
    expect(shard).toBeLessThan(count);
  });

  it('spreads tokens over the shards', () => {
    const used = new Set(tokensOf('第二批主题教育开展以来市中区深入调查研究扎实推进各项工作取得明显成效').map((t) => shardOf(t, 16)));
    expect(used.size).toBeGreaterThan(8);
  });
});

describe('shard blocks', () => {
  it('decodes what ByteWriter wrote, joining a token split over batches', () => {
    const writer = new ByteWriter(4);
    writer.block('主题', [0, 5, 300], [3, 2, 4]);
    writer.block('gdp', [7], [2]);
    writer.block('主题', [20000, 20001], [2, 8]);
    const postings = decodeShard(writer.result(), new Set(['主题', '教育']));
    expect(Object.fromEntries(postings)).toEqual({ 主题: { docs: [0, 5, 300, 20000, 20001], values: [3, 2, 4, 2, 8] } });
  });

  it('writes a range of reused arrays', () => {
    const writer = new ByteWriter();
    writer.block('经', Int32Array.of(9, 1, 2, 9), Int32Array.of(9, 2, 6, 9), 2, 1);
    expect(decodeShard(writer.result(), new Set(['经'])).get('经')).toEqual({ docs: [1, 2], values: [2, 6] });
  });

  it('refuses a truncated shard', () => {
    const writer = new ByteWriter();
    writer.block('经济', [1, 2], [2, 2]);
    expect(() => decodeShard(writer.result().subarray(0, 5), new Set(['经济']))).toThrow('truncated');
  });
});

describe('rankDocuments', () => {
  const postings = new Map<string, Posting>([
    ['主题', { docs: [1, 2, 3, 4], values: [2, 6, 3, 20] }],
    ['教育', { docs: [2, 3, 4, 5], values: [2, 3, 2, 2] }],
  ]);

  it('keeps documents with every token: title matches first, then by frequency, then newest (lowest id)', () => {
    expect(rankDocuments(['主题', '教育'], postings).map((r) => r.doc)).toEqual([3, 4, 2]);
  });

  it.each([[['主题', '缺失']], [[]]])('finds nothing for %j', (tokens) => {
    expect(rankDocuments(tokens, postings)).toEqual([]);
  });

  it('breaks equal scores by date, newest first (the highest document id)', () => {
    const same = new Map([['经济', { docs: [7, 3, 9].sort((a, b) => a - b), values: [2, 2, 2] }]]);
    expect(rankDocuments(['经济'], same).map((r) => r.doc)).toEqual([9, 7, 3]);
  });
});

describe('markText and snippet', () => {
  it('marks every occurrence in the original script', () => {
    expect(markText('國務院：主題教育與教育', ['主题教育', '教育'])).toEqual([
      { text: '國務院：', mark: false },
      { text: '主題教育', mark: true },
      { text: '與', mark: false },
      { text: '教育', mark: true },
    ]);
  });

  it('cuts about `length` characters around the first match, with ellipses', () => {
    const text = '甲'.repeat(200) + '主题教育' + '乙'.repeat(200);
    const pieces = snippet(text, ['主题教育'], 40);
    expect(pieces[0]).toEqual({ text: '…', mark: false });
    expect(pieces.at(-1)).toEqual({ text: '…', mark: false });
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['主题教育']);
    expect(pieces.map((p) => p.text).join('')).toBe(`…${'甲'.repeat(8)}主题教育${'乙'.repeat(28)}…`);
  });

  it('shows the start when the words are not next to each other in the text', () => {
    expect(snippet('主题和教育', ['主题教育'], 100)).toEqual([{ text: '主题和教育', mark: false }]);
  });
});

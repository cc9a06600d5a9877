// Throughput of decode() on a UTF-8 and a GB18030 article (~1 MB each, many times over).
// Run: npm run compile && node bench/decode-throughput.mjs
import iconv from 'iconv-lite';
import { decode } from '../lib/text/decode/index.js';

const paragraph = '济南市历下区人民政府新闻办公室今天发布消息：全区二〇二三年重点民生项目全部完成，新建改建学校六所。\n';
const text = paragraph.repeat(Math.ceil(1_000_000 / Buffer.byteLength(paragraph)));
const inputs = { 'utf-8 (valid UTF-8 path)': Buffer.from(text, 'utf8'), 'gb18030 (detected)': iconv.encode(text, 'gb18030') };

for (const [label, bytes] of Object.entries(inputs)) {
  decode(bytes);
  const rounds = 30;
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) decode(bytes);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label}: ${((bytes.length * rounds) / 1e6 / seconds).toFixed(0)} MB/s (${bytes.length} bytes x ${rounds})`);
}

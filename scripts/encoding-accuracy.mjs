// Accuracy of the decode stage on ../shared/corpus/encodings, per family: right / refused / wrong.
// Run: npm run compile && node scripts/encoding-accuracy.mjs
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from '../lib/text/decode/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '../shared/corpus/encodings');
const family = { GB2312: 'gb18030', GBK: 'gb18030', GB18030: 'gb18030', Big5: 'big5', 'Big5-HKSCS': 'big5', Shift_JIS: 'shift_jis', CP932: 'shift_jis',
  'UTF-8': 'utf-8', 'UTF-8-BOM': 'utf-8', 'UTF-16LE': 'utf-16le', 'UTF-16LE-BOM': 'utf-16le', 'UTF-16BE': 'utf-16be', 'UTF-16BE-BOM': 'utf-16be' };
const passes = { corpus: ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'shift_jis'], 'default (Chinese)': undefined };

function table(candidates, minBytes) {
  const rows = new Map();
  for (const folder of readdirSync(root).sort()) {
    for (const name of readdirSync(path.join(root, folder))) {
      const bytes = readFileSync(path.join(root, folder, name));
      if (bytes.length <= minBytes) continue;
      const row = rows.get(family[folder]) ?? { right: 0, refused: 0, wrong: 0 };
      try {
        const r = decode(bytes, { path: name, ...(candidates ? { candidates } : {}) });
        row[r.encoding === family[folder] ? 'right' : 'wrong']++;
      } catch (e) {
        if (e?.name !== 'ContentError') throw e;
        row.refused++;
      }
      rows.set(family[folder], row);
    }
  }
  const lines = ['| family | files | right | refused | wrong |', '|---|---|---|---|---|'];
  for (const [f, r] of rows) lines.push(`| ${f} | ${r.right + r.refused + r.wrong} | ${r.right} | ${r.refused} | ${r.wrong} |`);
  return lines.join('\n');
}

for (const [pass, candidates] of Object.entries(passes)) {
  for (const [label, min] of [['files over 1 KB', 1024], ['all files', 0]]) {
    console.log(`\n#### Candidates: ${pass}, ${label}\n\n${table(candidates, min)}`);
  }
}

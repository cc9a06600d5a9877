/** Labels we read with another decoder, keyed without dashes or underscores. */
const aliases: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  utf16: 'utf-16le',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  utf32: 'utf-32le',
  utf32le: 'utf-32le',
  utf32be: 'utf-32be',
  // GB2312 and GBK are subsets of GB18030: one decoder reads all three without loss.
  gb2312: 'gb18030',
  gbk: 'gb18030',
  cp936: 'gb18030',
  xgbk: 'gb18030',
  euccn: 'gb18030',
  gb18030: 'gb18030',
  // WHATWG's big5 decoder includes the HKSCS extension, so one name covers both.
  big5: 'big5',
  big5hkscs: 'big5',
  cp950: 'big5',
  shiftjis: 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'shift_jis',
  windows31j: 'shift_jis',
  euckr: 'euc-kr',
  cp949: 'euc-kr',
  eucjp: 'euc-jp',
};

/** The canonical lower-case name we decode a label with (gbk -> gb18030, big5-hkscs -> big5). */
export function canonicalEncoding(label: string): string {
  const lower = label.trim().toLowerCase();
  return aliases[lower.replace(/[-_]/g, '')] ?? lower;
}

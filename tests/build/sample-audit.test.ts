import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { auditSite } from '../../src/audit/index.js';
import { build } from '../../src/build/build.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { fixedNow } from '../helpers/site.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-sample-audit-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the sample site', () => {
  it('passes the audit: no failures, and only stale-column warnings once its articles age', async () => {
    const result = await build({ root: projectRoot, now: fixedNow, outDir: path.join(out, 'dist') });
    expect(result.ok).toBe(true);
    const report = await auditSite({ root: projectRoot, model: result.model!, outDir: path.join(out, 'dist') });
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.stats.pages).toBeGreaterThan(20);
    const later = await auditSite({ root: projectRoot, model: { ...result.model!, now: { ...result.model!.now, epochMs: Date.UTC(2025, 0, 1) } }, outDir: path.join(out, 'dist') });
    expect(later.ok).toBe(true);
    expect(new Set(later.diagnostics.map((d) => `${d.severity} ${d.code}`))).toEqual(new Set(['warning audit/stale-column']));
  });
});

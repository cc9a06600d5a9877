import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// These run the compiled package in lib/ (npm test compiles first), the way a user runs it.
describe('the installed package', () => {
  it('exports the build and the stages to plain node', () => {
    const script = "import * as b from 'broadsheet'; console.log(['build','decode','repairText','importLegacy','parseFrontMatter','renderSite'].map((n) => typeof b[n]).join(' '))";
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(out.trim()).toBe('function function function function function function');
  });

  it('runs the CLI from bin/', () => {
    const out = execFileSync(process.execPath, ['bin/broadsheet.js', '--help'], { cwd: root, encoding: 'utf8' });
    for (const command of ['build', 'check', 'new', 'decode', 'import', 'fix', 'audit']) expect(out).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });
});

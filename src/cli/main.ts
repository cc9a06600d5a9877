import { Command, CommanderError, Option } from 'commander';
import { defaultConfigFile } from '../config/load.js';
import { isContentError } from '../diagnostics/content-error.js';
import { buildCommand } from './build-command.js';
import { processIo, type CliIo } from './io.js';
import { newCommand } from './new-command.js';
import { printDiagnostics } from './report.js';

/** Exit code for a wrong command line or our own bug (content problems exit 1). */
const USAGE_OR_INTERNAL = 2;

function siteOptions(command: Command): Command {
  return command
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder', 'dist')
    .option('--config <file>', 'site config file', defaultConfigFile)
    .option('--base-url <url>', 'override baseUrl from the config (preview deployments)');
}

// dev (chokidar, the server), import (the HTML parsers), audit, check, decode and fix (the decoders and repair tables) load only
// when run: every build would pay for them, and a build served from the cache needs none of them.
function program(io: CliIo, setExit: (code: number) => void): Command {
  const run = (task: Promise<number>) => task.then(setExit);
  const cli = new Command('broadsheet')
    .description('Static site generator for news publishers')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  siteOptions(cli.command('build').description('build the site into the output folder'))
    .option('--drafts', 'include drafts')
    .option('--future', 'include articles dated after now')
    .option('--strict', 'warnings fail the build; templates fail on undefined values; runs the audit')
    .option('--audit', 'run the site audit after a successful build')
    .option('--no-cache', 'process every source again instead of reusing .cache/broadsheet')
    .option('--workers <n>', 'worker threads for reading articles (0: none; default: one per core on large sites)')
    .action((flags) => run(buildCommand(flags, io)));
  siteOptions(cli.command('audit').description('check the built site as a government-site inspection does'))
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--external', 'request every external link (bounded concurrency, 10 s timeout each)')
    .option('--future', 'the site was built with --future')
    .action((flags) => run(import('./audit-command.js').then(({ auditCommand }) => auditCommand(flags, io))));
  siteOptions(cli.command('check').description('decode, repair and validate every source; write nothing'))
    .option('--encodings', 'list each file with its encoding and how it was decided')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--strict', 'warnings count as errors')
    .action((flags) => run(import('./check-command.js').then(({ checkCommand }) => checkCommand(flags, io))));
  cli.command('dev')
    .description('serve the site locally, rebuild on save and reload open pages')
    .option('--port <n>', 'port (default 8080, or the next free one)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--content <dir>', 'content folder', 'content')
    .option('--config <file>', 'site config file', defaultConfigFile)
    .option('--base-url <url>', 'override baseUrl from the config')
    .option('--no-drafts', 'hide drafts (shown and marked by default)')
    .option('--future', 'include articles dated after now')
    .action((flags) => run(import('./dev-command.js').then(({ devCommand }) => devCommand(flags, io))));
  cli.command('new')
    .description('create a new article for today')
    .argument('<title>', 'the article title')
    .option('--column <column>', 'column key or name')
    .option('--slug <slug>', 'file name and URL segment (default: pinyin of the title)')
    .option('--content <dir>', 'content folder', 'content')
    .option('--config <file>', 'site config file', defaultConfigFile)
    .action((title: string, flags) => run(newCommand(title, flags, io)));
  cli.command('decode')
    .description('detect and decode files; print encoding, evidence and confidence')
    .argument('<files...>', 'files to decode')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--to-utf8 <dir>', 'write UTF-8 copies into this folder')
    .option('--candidates <list>', 'comma-separated encodings the detector may choose from')
    .action((files: string[], flags) => run(import('./decode-command.js').then(({ decodeCommand }) => decodeCommand(files, { ...flags, ...(flags.candidates && { candidates: String(flags.candidates).split(',') }) }, io))));
  cli.command('fix')
    .description('repair files in place as UTF-8, keeping a .orig copy of each')
    .argument('<files...>', 'files to repair')
    .addOption(new Option('--script <script>', 'target script').choices(['zh-Hans', 'zh-Hant', 'keep']).default('keep'))
    .action((files: string[], flags) => run(import('./fix-command.js').then(({ fixCommand }) => fixCommand(files, flags, io))));
  cli.command('import')
    .description('turn legacy .txt/.html exports into Markdown sources (UTF-8, front matter)')
    .argument('<sources...>', 'export files or folders (read recursively)')
    .requiredOption('--out <dir>', 'folder to write the Markdown files into, e.g. content/news')
    .option('--force', 'overwrite Markdown files that already exist', false)
    .option('--base-url <url>', 'resolve relative image and link addresses of HTML exports against this URL')
    .option('--column <column>', 'column written into each front matter')
    .addOption(new Option('--script <script>', 'convert the text to this script').choices(['zh-Hans', 'zh-Hant', 'keep']).default('keep'))
    .action((sources: string[], flags) => run(import('./import-command.js').then(({ importCommand }) => importCommand(sources, flags, io))));
  return cli;
}

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code = 0;
  try {
    await program(io, (c) => (code = c)).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : USAGE_OR_INTERNAL;
    if (isContentError(error)) {
      printDiagnostics(io, error.diagnostics);
      return 1;
    }
    io.err(`broadsheet: ${(error as Error).stack ?? String(error)}`);
    return USAGE_OR_INTERNAL;
  }
}

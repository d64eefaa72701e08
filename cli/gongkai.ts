/**
 * `gongkai` command line: a small dispatcher, one module per subcommand in cli/commands/.
 * Run through bin/gongkai.mjs (npx gongkai …) or directly: node --import tsx cli/gongkai.ts …
 */
import * as generate from './commands/generate';
import * as ingest from './commands/ingest';
import * as migrate from './commands/migrate';
import * as parse from './commands/parse';

export interface Command {
  /** One line for `gongkai --help`. */
  summary: string;
  usage: string;
  /** Returns the process exit code; must not throw for bad input (main() still catches). */
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  parse,
  ingest,
  migrate,
  generate,
};

function help(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'Usage: gongkai <command> [options]',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary}`),
    '',
    'Run `gongkai <command> --help` for the options of one command.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`gongkai: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`gongkai: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);

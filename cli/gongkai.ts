/**
 * `gongkai` command line: a small dispatcher, one module per subcommand in cli/commands/.
 * Run through bin/gongkai.mjs (npx gongkai …) or directly: node --import tsx cli/gongkai.ts …
 */
export interface Command {
  /** One line for `gongkai --help`. */
  summary: string;
  usage: string;
  /** Returns the process exit code; must not throw for bad input (main() still catches). */
  run(args: string[]): Promise<number>;
}

/**
 * Loaded on demand: `gongkai parse` must not pay for the database driver that `ingest` and `migrate` import.
 * Add a subcommand by adding one line here.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: () => import('./commands/parse'),
  ingest: () => import('./commands/ingest'),
  migrate: () => import('./commands/migrate'),
  generate: () => import('./commands/generate'),
};

async function help(): Promise<string> {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  const summaries = await Promise.all(names.map(async (n) => (await COMMANDS[n]!()).summary));
  return [
    'Usage: gongkai <command> [options]',
    '',
    'Commands:',
    ...names.map((n, i) => `  ${n.padEnd(width)}  ${summaries[i]}`),
    '',
    'Run `gongkai <command> --help` for the options of one command.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await help()) + '\n');
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(`gongkai: unknown command "${name}"\n\n${await help()}\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

// A closed pipe (`gongkai parse … | head`) ends the output quietly, as other Unix tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`gongkai: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);

/** Strict option parsing for commands on top of node:util parseArgs, with usage errors that name the problem. */
import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/** The options a command accepts: each a string or a boolean flag. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Parsed options and positionals. `help` is always accepted. */
export interface ParsedOptions {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

/** Parses `args` for `fibrograph <command>`; throws a UsageError for anything it does not accept. */
export function parseOptions(
  command: string,
  args: readonly string[],
  options: OptionSpec,
  maxPositionals = 0,
): ParsedOptions {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    const result = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    parsed = { values: result.values, positionals: result.positionals };
  } catch (error) {
    throw new UsageError(describeParseError(command, error));
  }
  const help = parsed.values['help'] === true;
  if (!help && parsed.positionals.length > maxPositionals) {
    throw new UsageError(
      `unexpected argument "${parsed.positionals[maxPositionals] ?? ''}" for "fibrograph ${command}"`,
    );
  }
  return { values: parsed.values, positionals: parsed.positionals, help };
}

/** The value of a string option, or `fallback`. */
export function stringOption(parsed: ParsedOptions, name: string, fallback: string): string;
export function stringOption(parsed: ParsedOptions, name: string): string | undefined;
export function stringOption(parsed: ParsedOptions, name: string, fallback?: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : fallback;
}

/** Checks that an option's value is one of `allowed`. */
export function assertChoice<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join('|')}, not "${value}"`);
}

function describeParseError(command: string, error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(message ?? '')?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted !== undefined) {
    return `unknown option "${quoted}" for "fibrograph ${command}"`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted !== undefined) {
    return `option "${quoted.split(' ')[0] ?? quoted}" needs a value`;
  }
  return (message ?? String(error)).split('. ')[0] ?? 'invalid arguments';
}

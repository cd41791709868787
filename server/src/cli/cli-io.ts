/** What a command may touch of the outside world: environment, working directory and the two output streams. */

/** The CLI's view of the process; tests could pass their own. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** True when stderr is an interactive terminal (progress bars are only drawn then). */
  readonly stderrIsTTY: boolean;
  out(text: string): void;
  err(text: string): void;
}

/** The real process. */
export function processIo(): CliIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
}

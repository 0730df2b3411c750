// Every CLI command has this shape: it gets its own arguments (after the command name) and prints through io,
// so tests can run commands in-process. Errors are thrown as AppError and printed as one Swedish sentence.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  /** One Swedish line for `varvet help`. */
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

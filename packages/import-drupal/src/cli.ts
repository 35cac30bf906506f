/** Runs `openoutreach-import` with `argv` (the arguments after the command); returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  console.log(`openoutreach-import: not ready yet (${argv.length} arguments)`);
  return 2;
}

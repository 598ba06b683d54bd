/**
 * Runs a command-line script's main and exits with the code it returns; an
 * error it did not expect is printed whole and exits with 1.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

import { runCli } from "./run.js";

const status = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  stderrIsTTY: process.stderr.isTTY === true,
});
if (typeof status === "number") process.exitCode = status;
else void status.then((code) => (process.exitCode = code));

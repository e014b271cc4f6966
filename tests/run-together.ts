// `npm test`'s checks before the tests: the named npm scripts at once (each runs on one core,
// and the machine has two), each one's output printed whole when it ends, with its time.
// Exits 1 when any of them failed, after all have ended.
import { spawn } from 'node:child_process';

interface Outcome {
  script: string;
  code: number | null;
  seconds: number;
  output: string;
}

function run(script: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    // Windows runs npm (npm.cmd) through its shell only.
    const child = spawn('npm', ['run', '--silent', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const end = (code: number | null, failure = '') =>
      resolve({
        script,
        code,
        seconds: (performance.now() - started) / 1000,
        output: Buffer.concat(chunks).toString() + failure,
      });
    child.on('error', (error) => end(null, String(error)));
    child.on('close', (code) => end(code));
  });
}

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: tsx tests/run-together.ts SCRIPT…');
  process.exit(2);
}
let failed = 0;
await Promise.all(
  scripts.map((script) =>
    run(script).then(({ code, seconds, output }) => {
      if (code !== 0) failed += 1;
      console.log(`── npm run ${script}: ${code === 0 ? 'ok' : `failed (${code})`} in ${seconds.toFixed(1)} s`);
      if (output.trim()) console.log(output.trimEnd());
    }),
  ),
);
process.exit(failed > 0 ? 1 : 0);

/**
 * The real `corroborate serve` for the browser tests: a temp PGlite case file filled with
 * `corroborate ingest`, tokens from `corroborate token create`, the server on a free port,
 * waited for on /api/health. Everything runs through the built CLI (dist/), as a user would.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');

export async function cli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(process.execPath, [CLI, ...args], { cwd: ROOT, maxBuffer: 16 << 20 });
  } catch (e) {
    const err = e as Error & { stdout?: string; stderr?: string };
    throw new Error(`corroborate ${args.join(' ')} failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

/** A token printed by `token create`: the one word of the output that looks like a secret. */
export function tokenFrom(stdout: string): string {
  const words = stdout.split(/\s+/).filter((w) => /^[A-Za-z0-9_\-.~+/=:]{20,}$/.test(w));
  if (words.length === 0) throw new Error(`no token in the output of token create: ${JSON.stringify(stdout)}`);
  return words[words.length - 1];
}

export async function createToken(db: string, role: 'viewer' | 'editor' | 'admin', name: string): Promise<string> {
  const { stdout } = await cli(['token', 'create', '--role', role, '--name', name, '--db', db]);
  return tokenFrom(stdout);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Served { url: string; db: string; proc: ChildProcess; log: () => string; stop: () => Promise<void> }

export function tempDb(): string {
  return mkdtempSync(join(tmpdir(), 'corroborate-browser-'));
}

export async function serve(db: string, extra: string[] = []): Promise<Served> {
  const port = await freePort();
  const proc = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', String(port), '--host', '127.0.0.1', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout!.on('data', (d) => { output += d; });
  proc.stderr!.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`corroborate serve exited with ${proc.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`corroborate serve did not answer /api/health within 30 s:\n${output}`); }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, db, proc, log: () => output, stop };
}

export function removeDb(db: string): void {
  rmSync(db, { recursive: true, force: true });
}

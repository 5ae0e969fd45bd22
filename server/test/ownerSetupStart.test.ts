import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SETUP_REFUSALS } from "../admin/redeemOwnerSetup";
import { hashPassword } from "../auth/password";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import { connectDatabase } from "../db/connect";
import { createModels } from "../db/models";
import { createRepositories, type Repositories } from "../db/repositories";
import { seedDatabase } from "../db/seed";
import { cachedMapFile } from "../persistence/loadMapFile";

/**
 * The real `npm start` entry point (server/main.ts in a child process) on a
 * DATA_DIR an older version left behind: a default space with members but no
 * owner. The log prints a one-time setup link; four people race with it over
 * HTTP; the database afterwards has exactly one owner, and the next start
 * prints no link.
 */

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "../..");
const PASSWORD = "long enough password";
let dataDir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "deskmap-owner-setup-"));
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

/** Opens the data directory in this process (the server is stopped), runs `work`, closes it. */
async function withDatabase<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
  const db = await connectDatabase({ dataDir });
  try {
    return await work(createRepositories(await createModels(db.connection)));
  } finally {
    await db.close();
  }
}

interface Running {
  url: string;
  output: () => string;
  stop(): Promise<string>;
}

function start(): Promise<Running> {
  const proc = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, MONGODB_URI: "", PUBLIC_URL: "", REDIS_URL: "", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  let output = "";
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        proc.stdout!.off("data", onData);
        proc.stdout!.on("data", (c: Buffer) => (output += c.toString()));
        resolve({
          url: match[1]!,
          output: () => output,
          async stop() {
            proc.kill("SIGTERM");
            expect(await exited).toBe(0);
            return output;
          },
        });
      }
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

async function until<T>(probe: () => T | undefined | null, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function post(url: string, body: unknown, session?: string): Promise<{ status: number; json: any; session?: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(session ? { cookie: `${SESSION_COOKIE}=${encodeURIComponent(session)}` } : {}) },
    body: JSON.stringify(body),
  });
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return { status: res.status, json: await res.json(), session: set && decodeURIComponent(set.split(";")[0]!.slice(SESSION_COOKIE.length + 1)) };
}

test("an older install's ownerless default space: the start-up log's link makes exactly one of four racing people owner", async () => {
  const emails = ["ana", "ben", "cy", "di"].map((n) => `${n}@example.com`);
  // As an older version left it: the default space without the "needs an owner" mark, members, no owner.
  await withDatabase(async (repos) => {
    await seedDatabase(repos, cachedMapFile(path.join(ROOT, "maps/office.json")), { needsOwner: false });
    const space = (await repos.spaces.findBySlug("default"))!;
    const passwordHash = await hashPassword(PASSWORD, { N: 2 ** 12, r: 8, p: 1 });
    for (const email of emails) {
      const account = await repos.members.createAccount({ email, passwordHash, displayName: email.split("@")[0]!, avatar: "ada" });
      await repos.members.addMembership(account._id, space._id, "member");
    }
  });

  const server = await start();
  const line = await until(() => /space "default" has no owner\. .*$/m.exec(server.output())?.[0], "the setup link in the log");
  const link = new URL(/(http:\/\/\S+)$/.exec(line)![1]!);
  expect(link.pathname).toBe("/admin/default");
  const token = decodeURIComponent(/^#setup=(.+)$/.exec(link.hash)![1]!);
  // The token rides in the fragment, which browsers never send to the server (e2e/ownerSetup drives the page).
  expect(link.search).toBe("");

  const sessions = await Promise.all(emails.map(async (email) => (await post(`${server.url}/api/auth/signin`, { email, password: PASSWORD })).session!));
  const claims = await Promise.all(sessions.map((s) => post(`${server.url}/api/spaces/default/owner-setup`, { token }, s)));
  expect(claims.map((c) => c.status).sort()).toEqual([200, 409, 409, 409]);
  for (const c of claims.filter((c) => c.status === 409)) expect(c.json.error).toBe(SETUP_REFUSALS.used);
  const winner = emails[claims.findIndex((c) => c.status === 200)]!;

  const output = await server.stop();
  // Nothing but the link line names the token.
  expect(output.split(token).length - 1).toBe(1);

  await withDatabase(async (repos) => {
    const space = (await repos.spaces.findBySlug("default"))!;
    expect(space.ownerSetup ?? null).toBeNull();
    expect(await repos.members.countWithRole(space._id, "owner")).toBe(1);
    const roles = await Promise.all(emails.map(async (e) => (await repos.members.findByEmail(e))!.memberships[0]!.role));
    expect(roles).toEqual(emails.map((e) => (e === winner ? "owner" : "member")));
    expect((await repos.audit.list(space._id)).map((e) => e.action)).toEqual(["owner.setup"]);
  });

  // Owned now: the next start prints no link.
  const again = await start();
  // One answered request: main.ts has gone on past its start-up lines (and set its SIGTERM handler).
  expect((await (await fetch(`${again.url}/api/spaces/default`)).json()).space.awaitingOwner).toBe(false);
  expect(await again.stop()).not.toMatch(/has no owner/);
});

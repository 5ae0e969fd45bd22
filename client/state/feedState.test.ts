import { startTestServer, type TestServer } from "../../e2e/testServer";
import { ClientMessage } from "../../shared/protocol/names";
import { OfficeConnection } from "../net/OfficeConnection";
import { feedState } from "./feedState";
import { OfficeState } from "./OfficeState";

/**
 * The client state fed from a real OfficeConnection (colyseus.js in Node
 * against the real server): what arrives right after joining is in the
 * state, and position frames alone do not touch the people signal.
 */

let server: TestServer;
const open: OfficeConnection[] = [];

beforeAll(async () => {
  server = await startTestServer({}, { identity: "joinOptions" });
});
afterAll(async () => {
  await Promise.all(open.map((c) => c.leave()));
  await server.close();
});

async function join(name: string): Promise<{ connection: OfficeConnection; state: OfficeState }> {
  const connection = await OfficeConnection.join(server.wsUrl, { space: "default", name, avatar: "ada" });
  open.push(connection);
  const state = new OfficeState();
  feedState(connection, state);
  return { connection, state };
}

function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

test("the Everyone history, the welcome and the people are in the state right after joining", async () => {
  const ada = await join("Ada");
  await until(() => ada.state.self.value !== null, "Ada's own entry");
  ada.connection.send(ClientMessage.ChatSend, { channel: "everyone", text: "hello, state" });
  await until(() => ada.state.chat.linesOf("everyone").some((l) => l.text === "hello, state"), "Ada's line");

  const bo = await join("Bo");
  await until(() => bo.state.chat.linesOf("everyone").some((l) => l.text === "hello, state"), "the history for Bo");
  await until(() => [...bo.state.people.value.values()].some((p) => p.name === "Ada"), "Ada in Bo's people");
  expect(bo.state.welcome.value?.selfId).toBe(bo.connection.selfId);
  expect(bo.state.selfId.value).toBe(bo.connection.selfId);
  expect(bo.state.connection.value.status).toBe("connected");
});

test("moving changes no person (panels do not re-render per frame); a status change does", async () => {
  const cy = await join("Cy");
  const dee = await join("Dee");
  await until(() => [...dee.state.people.value.values()].some((p) => p.name === "Cy" && p.located !== false), "Cy located for Dee");
  const before = dee.state.people.value;
  const startX = dee.connection.member(cy.connection.selfId)!.x;
  let seq = 0;
  const step = setInterval(() => cy.connection.sendMove({ seq: ++seq, dx: seq % 20 < 10 ? 1 : -1, dy: 0 }), 50);
  await until(() => dee.connection.member(cy.connection.selfId)!.x !== startX, "Cy moving for Dee").finally(() => clearInterval(step));
  expect(dee.state.people.value).toBe(before);
  // (Names change only through the stored member record, which this join-options server has none of.)
  cy.connection.send(ClientMessage.SetStatus, { kind: "busy" });
  await until(() => dee.state.people.value.get(cy.connection.selfId)?.status === "busy", "Cy's new status in Dee's people");
  expect(dee.state.people.value).not.toBe(before);
});

import type { Client } from "@colyseus/core";
import { SocketBatch } from "./SocketBatch";

/** A stand-in for ws's net.Socket that counts corks (a real socket's batching is exercised by every room test). */
function fakeClient() {
  const socket = { corks: 0, uncorks: 0, cork() { this.corks++; }, uncork() { this.uncorks++; } };
  return { client: { ref: { _socket: socket } } as unknown as Client, socket };
}

test("a hold while holding changes nothing; one release lets every socket go, a second does nothing", () => {
  const a = fakeClient();
  const b = fakeClient();
  const batch = new SocketBatch();
  batch.hold([a.client, b.client]);
  batch.hold([a.client, b.client]);
  expect([a.socket.corks, b.socket.corks]).toEqual([1, 1]);
  batch.release();
  expect([a.socket.uncorks, b.socket.uncorks]).toEqual([1, 1]);
  batch.release();
  expect([a.socket.uncorks, b.socket.uncorks]).toEqual([1, 1]);
});

test("clients without a plain socket are left alone", () => {
  const batch = new SocketBatch();
  const plain = fakeClient();
  expect(() => {
    batch.hold([{} as Client, { ref: {} } as unknown as Client, plain.client]);
    batch.release();
  }).not.toThrow();
  expect([plain.socket.corks, plain.socket.uncorks]).toEqual([1, 1]);
});

import { feetAt, type TestMapOptions } from "../../shared/map/testMap";
import type { ChatLine, ServerChatMessages } from "../../shared/protocol/chatMessages";
import { ServerMessage } from "../../shared/protocol/names";
import { waitFor, type TestClient } from "./harness";

/**
 * Chat and social room tests: spawns in turn at (2,2) and (4,2) inside the
 * meeting zone "Kitchen" (close enough to talk), then (20,12) and (20,4) outside it.
 */
export const CHAT_MAP: TestMapOptions = {
  width: 24,
  height: 16,
  spawns: [feetAt(2, 2), feetAt(20, 12), feetAt(4, 2), feetAt(20, 4)],
  zones: [{ name: "Kitchen", type: "meeting", x: 0, y: 0, width: 8 * 32, height: 6 * 32 }],
};

export type ChatHistory = ServerChatMessages[typeof ServerMessage.ChatHistory];

export function chatLines(client: TestClient): ChatLine[] {
  return client.messages<ChatLine>(ServerMessage.Chat);
}

export function zoneOf(client: TestClient, sessionId = client.sessionId): string | undefined {
  return (client.room.state as { members?: { get(id: string): { zone: string } | undefined } }).members?.get(sessionId)?.zone;
}

/** Waits until `client` has received a chat line with this text. */
export function waitForLine(client: TestClient, text: string): Promise<ChatLine> {
  return waitFor(() => chatLines(client).find((l) => l.text === text), `${client.sessionId} to receive "${text}"`);
}

export function histories(client: TestClient): ChatHistory[] {
  return client.messages<ChatHistory>(ServerMessage.ChatHistory);
}

export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

import { feetAt, type TestMapOptions } from "../../shared/map/testMap";
import type { ServerMessages } from "../../shared/protocol/messages";
import type { MeetupView } from "../../shared/protocol/meetupMessages";
import { ServerMessage } from "../../shared/protocol/names";
import { waitFor, type TestClient } from "./harness";

/**
 * 30×20 tiles: a stage hall (tiles 0–12 × 6–16) with its platform (3–9 × 6–8),
 * a private office (18–24 × 2–8) and a meeting room (18–26 × 12–18).
 * People appear in join order at: the platform, three places in the hall,
 * inside the private office, and just left of it.
 */
export const MEETUP_MAP: TestMapOptions = {
  width: 30,
  height: 20,
  zones: [
    { name: "Hall", type: "stage", x: 0, y: 6 * 32, width: 13 * 32, height: 11 * 32 },
    { name: "Platform", type: "stage", platform: true, x: 3 * 32, y: 6 * 32, width: 7 * 32, height: 3 * 32 },
    { name: "Office", type: "private", x: 18 * 32, y: 2 * 32, width: 7 * 32, height: 7 * 32 },
    { name: "Room", type: "meeting", x: 18 * 32, y: 12 * 32, width: 9 * 32, height: 7 * 32 },
  ],
  spawns: [feetAt(6, 7), feetAt(4, 12), feetAt(8, 12), feetAt(10, 14), feetAt(20, 5), feetAt(15, 5)],
};

export type Conversation = ServerMessages[typeof ServerMessage.Conversation];
export type MeetupList = ServerMessages[typeof ServerMessage.Meetups];

export function lastConversation(client: TestClient): Conversation | undefined {
  return client.messages<Conversation>(ServerMessage.Conversation).at(-1);
}

export function lastMeetups(client: TestClient): MeetupView[] {
  return client.messages<MeetupList>(ServerMessage.Meetups).at(-1)?.meetups ?? [];
}

export function rejections(client: TestClient, type: string): string[] {
  return client.rejected.filter((r) => r.type === type).map((r) => r.reason);
}

export function waitForRejection(client: TestClient, type: string, pattern: RegExp): Promise<string> {
  return waitFor(() => rejections(client, type).find((r) => pattern.test(r)), `a ${type} rejection matching ${pattern}`);
}

export function waitForMeetup(client: TestClient, check: (m: MeetupView) => boolean, what: string): Promise<MeetupView> {
  return waitFor(() => lastMeetups(client).find(check), what);
}

export function waitForConversation(client: TestClient, check: (c: Conversation) => boolean, what: string): Promise<Conversation> {
  return waitFor(() => {
    const c = lastConversation(client);
    return c && check(c) ? c : undefined;
  }, what);
}

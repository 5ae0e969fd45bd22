import { ServerMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import type { OfficeState } from "../../state/OfficeState";
import { Disposables } from "../../util/Emitter";
import { chime } from "../people/chime";
import { currentPreferences } from "../settings/preferences";

/**
 * Getting someone's attention when something is for them (a knock, a direct
 * message, a ring, a meetup starting): a soft sound, a count in the tab title
 * and a dot on the favicon until they are back at the page, and, if they
 * opted in, a browser notification while the tab is hidden. In Focus only
 * knocks make a sound, and no notification is shown at all.
 */
export function startAttention(connection: OfficeConnection, state: OfficeState, doc: Document = document): () => void {
  const disposables = new Disposables();
  const baseTitle = doc.title;
  const icon = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
  const baseIcon = icon?.href ?? "";
  let count = 0;

  const show = () => {
    doc.title = count > 0 ? `(${count}) ${baseTitle}` : baseTitle;
    if (icon) icon.href = count > 0 ? badgeIcon() : baseIcon;
  };
  const seen = () => {
    if (count === 0) return;
    count = 0;
    show();
  };
  const call = (text: string, kind: "knock" | "message" | "ring" | "meetup") => {
    const focused = state.self.peek()?.status === "focus";
    if (!focused || kind === "knock") chime();
    count++;
    show();
    const prefs = currentPreferences();
    if (doc.hidden && prefs.notify && !focused && typeof Notification !== "undefined" && Notification.permission === "granted") {
      const note = new Notification("Deskmap", { body: text, tag: kind });
      note.onclick = () => window.focus();
    }
  };

  const m = connection.messages;
  disposables.add(m.on(ServerMessage.Knock, ({ name }) => call(`${name} is knocking`, "knock")));
  disposables.add(m.on(ServerMessage.ZoneKnock, ({ name }) => call(`${name} knocks to come in`, "knock")));
  disposables.add(m.on(ServerMessage.Ring, ({ name }) => call(`${name} asks you to come over`, "ring")));
  disposables.add(m.on(ServerMessage.MeetupStarted, ({ title }) => call(`“${title}” has started`, "meetup")));
  disposables.add(
    m.on(ServerMessage.Chat, (line) => {
      if (line.channel === "dm" && line.fromMember !== state.self.peek()?.memberId) call(`Message from ${line.name}`, "message");
    }),
  );
  // Back at the page (a key, a click, the tab shown again): the count is read.
  for (const type of ["pointerdown", "keydown"]) disposables.listen(doc, type, seen, { capture: true, passive: true });
  disposables.listen(doc, "visibilitychange", () => !doc.hidden && doc.hasFocus() && seen());
  disposables.listen(window, "focus", seen);
  disposables.add(() => {
    count = 0;
    show();
  });
  return () => disposables.dispose();
}

/** A 32×32 favicon with a red dot, drawn once. */
let badge: string | null = null;
function badgeIcon(): string {
  if (badge) return badge;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 32;
  const ctx = canvas.getContext("2d");
  if (!ctx) return "";
  ctx.fillStyle = "#ef4444";
  ctx.beginPath();
  ctx.arc(22, 10, 9, 0, Math.PI * 2);
  ctx.fill();
  badge = canvas.toDataURL("image/png");
  return badge;
}

import { CHAT_TEXT_MAX } from "../../../shared/chat/chatRules";
import type { ChatLine } from "../../../shared/protocol/chatMessages";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables } from "../../util/Emitter";
import { ChatTabs, tabOf, type TabId } from "./chatTabs";

const FIXED_TABS: Array<[TabId, string]> = [
  ["nearby", "Nearby"],
  ["zone", "Zone"],
  ["everyone", "Everyone"],
];

/**
 * Chat: Nearby (your conversation), Zone, Everyone and a tab per direct-message
 * thread, with unread badges. Every line is rendered with textContent only.
 */
export class ChatPanel {
  readonly element: HTMLElement;
  private readonly disposables = new Disposables();
  private readonly tabs: ChatTabs;
  private readonly tabList: HTMLElement;
  private readonly log: HTMLOListElement;
  private readonly input: HTMLInputElement;
  private readonly error: HTMLElement;
  private readonly tabButtons = new Map<TabId, HTMLButtonElement>();

  constructor(
    private readonly connection: OfficeConnection,
    private readonly visible: () => boolean,
    private readonly announce: (text: string) => void,
  ) {
    this.tabs = new ChatTabs(() => this.selfMember());
    this.element = document.createElement("section");
    this.element.className = "chat";
    this.element.setAttribute("aria-labelledby", "chat-heading");
    const heading = document.createElement("h2");
    heading.id = "chat-heading";
    heading.textContent = "Chat";
    this.tabList = document.createElement("div");
    this.tabList.className = "chat-tabs";
    this.tabList.setAttribute("role", "tablist");
    this.tabList.setAttribute("aria-label", "Chat channels");
    this.log = document.createElement("ol");
    this.log.className = "chat-log";
    this.log.id = "chat-log";
    this.log.setAttribute("role", "log");
    this.log.setAttribute("aria-live", "polite");
    this.log.tabIndex = 0;
    const form = document.createElement("form");
    form.className = "chat-form";
    this.input = document.createElement("input");
    this.input.type = "text";
    this.input.maxLength = CHAT_TEXT_MAX;
    this.input.autocomplete = "off";
    this.input.dataset.chatInput = "";
    const send = document.createElement("button");
    send.type = "submit";
    send.textContent = "Send";
    this.error = document.createElement("p");
    this.error.className = "chat-error";
    this.error.setAttribute("role", "status");
    form.append(this.input, send);
    this.element.append(heading, this.tabList, this.log, form, this.error);
    for (const [id, label] of FIXED_TABS) this.addTab(id, label);

    this.disposables.listen(form, "submit", (event: SubmitEvent) => {
      event.preventDefault();
      this.send();
    });
    this.disposables.listen(this.input, "keydown", (event: KeyboardEvent) => {
      // Escape hands the keyboard back to the map, so walking continues.
      if (event.key === "Escape") document.querySelector<HTMLCanvasElement>("#game canvas")?.focus();
    });
    this.disposables.listen(this.tabList, "keydown", (event: KeyboardEvent) => this.arrowTabs(event));
    const messages = connection.messages;
    this.disposables.add(messages.on(ServerMessage.Chat, (line) => this.receive(line)));
    this.disposables.add(
      messages.on(ServerMessage.ChatHistory, (history) => {
        const tab: TabId = history.channel === "dm" ? `dm:${history.with ?? ""}` : history.channel;
        this.tabs.setHistory(tab, history.lines);
        if (tab === this.tabs.activeTab) this.render();
      }),
    );
    this.disposables.add(
      connection.messages.on(ServerMessage.Rejected, (r) => {
        if (r.type === ClientMessage.ChatSend) this.error.textContent = `Not sent: ${r.reason}`;
      }),
    );
    this.open("everyone");
  }

  /** Opens (creating if needed) the direct-message thread with a member. */
  openThread(memberId: string, name: string): void {
    const tab: TabId = `dm:${memberId}`;
    if (!this.tabButtons.has(tab)) this.addTab(tab, name);
    this.open(tab);
    this.input.focus();
  }

  focusInput(): void {
    this.input.focus();
  }

  /** The panel became visible: the open tab counts as read. */
  seen(): void {
    this.tabs.markRead();
    this.updateBadges();
  }

  dispose(): void {
    this.disposables.dispose();
    this.element.remove();
  }

  private selfMember(): string {
    return this.connection.member(this.connection.selfId)?.memberId ?? "";
  }

  private send(): void {
    const text = this.input.value.trim();
    if (!text) return;
    const tab = this.tabs.activeTab;
    if (tab.startsWith("dm:")) this.connection.send(ClientMessage.ChatSend, { channel: "dm", to: tab.slice(3), text });
    else this.connection.send(ClientMessage.ChatSend, { channel: tab as "nearby" | "zone" | "everyone", text });
    this.input.value = "";
    this.error.textContent = "";
  }

  private receive(line: ChatLine): void {
    const tab = tabOf(line, this.selfMember());
    if (tab.startsWith("dm:") && !this.tabButtons.has(tab)) this.addTab(tab, line.fromMember === this.selfMember() ? this.nameOf(line.to) : line.name);
    const shown = tab === this.tabs.activeTab && this.visible();
    this.tabs.add(line, this.visible());
    if (tab === this.tabs.activeTab) this.render();
    this.updateBadges();
    // The log announces lines of the open tab; direct messages elsewhere are worth saying too.
    if (!shown && line.channel === "dm" && line.fromMember !== this.selfMember()) this.announce(`Message from ${line.name}`);
  }

  private nameOf(memberId: string | undefined): string {
    return this.connection.allMembers().find((m) => m.memberId === memberId)?.name ?? "Direct message";
  }

  private addTab(id: TabId, label: string): void {
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("role", "tab");
    button.setAttribute("aria-controls", this.log.id);
    button.dataset.tab = id;
    const name = document.createElement("span");
    name.textContent = label;
    const badge = document.createElement("span");
    badge.className = "chat-badge";
    badge.hidden = true;
    button.append(name, badge);
    this.disposables.listen(button, "click", () => this.open(id));
    this.tabList.append(button);
    this.tabButtons.set(id, button);
  }

  private open(tab: TabId): void {
    this.tabs.open(tab);
    if (tab !== "nearby") {
      // Fresh history for the channel (zone histories depend on where you stand now).
      if (tab.startsWith("dm:")) this.connection.send(ClientMessage.ChatHistory, { channel: "dm", to: tab.slice(3) });
      else if (tab === "zone") this.connection.send(ClientMessage.ChatHistory, { channel: "zone" });
    }
    const label = this.tabButtons.get(tab)?.firstChild?.textContent ?? "";
    this.input.setAttribute("aria-label", `Message to ${label}`);
    this.input.placeholder = `Message ${label}`;
    for (const [id, button] of this.tabButtons) {
      const on = id === tab;
      button.setAttribute("aria-selected", String(on));
      button.tabIndex = on ? 0 : -1;
    }
    this.render();
    this.updateBadges();
  }

  private arrowTabs(event: KeyboardEvent): void {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const ids = [...this.tabButtons.keys()];
    const at = ids.indexOf(this.tabs.activeTab);
    const next = ids[(at + (event.key === "ArrowRight" ? 1 : ids.length - 1)) % ids.length];
    this.open(next);
    this.tabButtons.get(next)?.focus();
  }

  private render(): void {
    const items = this.tabs.linesOf(this.tabs.activeTab).map((line) => {
      const li = document.createElement("li");
      const who = document.createElement("strong");
      who.textContent = line.name;
      const text = document.createElement("span");
      text.textContent = line.text;
      const time = document.createElement("time");
      time.dateTime = new Date(line.at).toISOString();
      time.textContent = new Date(line.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      li.append(who, document.createTextNode(": "), text, document.createTextNode(" "), time);
      return li;
    });
    this.log.replaceChildren(...items);
    this.log.scrollTop = this.log.scrollHeight;
  }

  private updateBadges(): void {
    for (const [id, button] of this.tabButtons) {
      const count = this.tabs.unreadOf(id);
      const badge = button.lastElementChild as HTMLElement;
      badge.hidden = count === 0;
      badge.textContent = count > 99 ? "99+" : String(count);
      badge.setAttribute("aria-label", `${count} unread`);
    }
  }
}

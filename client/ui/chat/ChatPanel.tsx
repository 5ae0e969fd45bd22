import { render } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { CHAT_TEXT_MAX } from "../../../shared/chat/chatRules";
import { ClientMessage } from "../../../shared/protocol/names";
import { Disposables } from "../../util/Emitter";
import type { OfficeUi } from "../officeUi";
import { tabOf, type TabId } from "./chatTabs";
import { effect, signal } from "@preact/signals";
import type { ChatLine } from "../../../shared/protocol/chatMessages";

/**
 * Chat: Nearby (your conversation), Zone (only while you stand in one),
 * Everyone and a tab per direct-message thread, with unread badges. Lines,
 * history and refusals come from the state, so history that arrived before
 * this panel existed is shown, and a rename shows in the thread's tab.
 * Every line is rendered as text.
 */
export class ChatPanel {
  private readonly disposables = new Disposables();
  private readonly active = signal<TabId>("everyone");
  /** DM threads opened here, with the name they had when opened (for people who have left since). */
  private readonly threads = signal<ReadonlyMap<TabId, string>>(new Map());
  private input: HTMLInputElement | null = null;

  constructor(
    private readonly ui: OfficeUi,
    private readonly host: HTMLElement,
    /** Whether the chat is on screen (phones show one panel section at a time). */
    visible: () => boolean,
    /** Escape in the message field hands the keyboard back to the map. */
    private readonly backToMap: () => void,
  ) {
    const { state } = ui;
    // Lines arriving in DM threads open their tab; those not on screen are announced.
    let seen = state.chat.threads().length;
    this.disposables.add(
      effect(() => {
        state.chatVersion.value;
        const threads = state.chat.threads();
        if (threads.length === seen && threads.every((t) => this.threads.peek().has(t))) return;
        seen = threads.length;
        const next = new Map(this.threads.peek());
        for (const t of threads) if (!next.has(t)) next.set(t, state.nameOfMember(t.slice(3)) ?? "Direct message");
        this.threads.value = next;
      }),
    );
    // What is on screen counts as read.
    this.disposables.add(
      effect(() => {
        state.chatVersion.value;
        this.active.value;
        if (visible()) state.chat.markRead();
      }),
    );
    // Zone chat exists only inside a zone: leaving one falls back to Everyone; a refusal about it is over.
    this.disposables.add(
      effect(() => {
        const zone = state.selfZone.value;
        state.clearRejected(ClientMessage.ChatSend);
        if (!zone && this.active.peek() === "zone") this.open("everyone");
      }),
    );
    this.open("everyone");
    render(<ChatView panel={this} ui={ui} />, host);
    this.disposables.add(() => render(null, host));
  }

  /** A live line arrived (the state has it already): direct messages not on screen are said aloud. */
  heard(line: ChatLine, visible: boolean): void {
    const self = this.ui.state.self.peek()?.memberId ?? "";
    if (line.channel !== "dm" || line.fromMember === self) return;
    if (!visible || tabOf(line, self) !== this.active.peek()) this.ui.announce(`Message from ${line.name}`);
  }

  /** Opens (creating if needed) the direct-message thread with a member. */
  openThread(memberId: string, name: string): void {
    const tab: TabId = `dm:${memberId}`;
    if (!this.threads.peek().has(tab)) this.threads.value = new Map(this.threads.peek()).set(tab, name);
    this.open(tab);
    this.input?.focus();
  }

  focusInput(): void {
    this.input?.focus();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  /** For the view. */
  get view() {
    return { active: this.active, threads: this.threads, open: (t: TabId) => this.open(t), send: () => this.send(), bindInput: (i: HTMLInputElement | null) => {
        this.input = i;
      }, backToMap: this.backToMap };
  }

  private open(tab: TabId): void {
    const { state } = this.ui;
    state.chat.open(tab);
    this.active.value = tab;
    state.clearRejected(ClientMessage.ChatSend);
    // Fresh history for the channel (zone histories depend on where you stand now).
    if (tab.startsWith("dm:")) this.ui.send(ClientMessage.ChatHistory, { channel: "dm", to: tab.slice(3) });
    else if (tab === "zone") this.ui.send(ClientMessage.ChatHistory, { channel: "zone" });
    state.chatVersion.value++;
  }

  private send(): void {
    const text = this.input?.value.trim();
    if (!text || !this.input) return;
    const tab = this.active.peek();
    if (tab.startsWith("dm:")) this.ui.send(ClientMessage.ChatSend, { channel: "dm", to: tab.slice(3), text });
    else this.ui.send(ClientMessage.ChatSend, { channel: tab as "nearby" | "zone" | "everyone", text });
    this.input.value = "";
    this.ui.state.clearRejected(ClientMessage.ChatSend);
  }
}

function ChatView({ panel, ui }: { panel: ChatPanel; ui: OfficeUi }) {
  const { state } = ui;
  const v = panel.view;
  state.chatVersion.value;
  const active = v.active.value;
  const inZone = state.selfZone.value !== "";
  const tabs: Array<[TabId, string]> = [["nearby", "Nearby"], ...(inZone ? ([["zone", "Zone"]] as Array<[TabId, string]>) : []), ["everyone", "Everyone"]];
  for (const [tab, name] of v.threads.value) tabs.push([tab, state.nameOfMember(tab.slice(3)) ?? name]);
  const label = tabs.find(([t]) => t === active)?.[1] ?? "";
  const lines = state.chat.linesOf(active);
  const refusal = state.rejected.value.get(ClientMessage.ChatSend);
  const log = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [lines.length, active]);
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const at = tabs.findIndex(([t]) => t === active);
    const next = tabs[(at + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length][0];
    const list = event.currentTarget as HTMLElement;
    v.open(next);
    // The selected tab takes the keyboard (roving tab stop); the tab set is unchanged by opening one.
    list.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
  };
  return (
    <div class="chat">
      <h2 id="chat-heading">Chat</h2>
      <div class="chat-tabs" role="tablist" aria-label="Chat channels" onKeyDown={onTabKey}>
        {tabs.map(([tab, name]) => {
          const unread = state.chat.unreadOf(tab);
          return (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-controls="chat-log"
              data-tab={tab}
              aria-selected={tab === active}
              tabIndex={tab === active ? 0 : -1}
              onClick={() => v.open(tab)}
            >
              <span>{name}</span>
              {unread > 0 && <span class="chat-badge" aria-label={`${unread} unread`}>{unread > 99 ? "99+" : String(unread)}</span>}
            </button>
          );
        })}
      </div>
      <ol class="chat-log" id="chat-log" role="log" aria-live="polite" tabIndex={0} ref={log}>
        {lines.map((line) => (
          <li key={line.id}>
            <strong>{line.name}</strong>: <span>{line.text}</span>{" "}
            <time dateTime={new Date(line.at).toISOString()}>{new Date(line.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</time>
          </li>
        ))}
      </ol>
      <form
        class="chat-form"
        onSubmit={(event) => {
          event.preventDefault();
          v.send();
        }}
      >
        <input
          ref={v.bindInput}
          type="text"
          maxLength={CHAT_TEXT_MAX}
          autoComplete="off"
          data-chat-input=""
          aria-label={`Message to ${label}`}
          placeholder={`Message ${label}`}
          onKeyDown={(event) => event.key === "Escape" && v.backToMap()}
        />
        <button type="submit">Send</button>
      </form>
      <p class="chat-error" role="status" data-chat-error="">{refusal ? `Not sent: ${refusal.reason}` : ""}</p>
    </div>
  );
}

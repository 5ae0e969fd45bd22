import { render } from "preact";
import { useState } from "preact/hooks";
import { EMOTES, EMOTE_KINDS, type EmoteKind } from "../../../shared/chat/emotes";
import { emoteImage } from "../../systems/Emotes";

/**
 * The Emote button in the top bar (the way on touch screens, and for anyone
 * who does not know Alt+1…5): opens a row of the five emotes, as pictures.
 */
export function mountEmotePicker(host: HTMLElement, send: (kind: EmoteKind) => void): () => void {
  const root = document.createElement("div");
  root.className = "emote-picker";
  host.append(root);
  render(<EmotePicker send={send} />, root);
  return () => {
    render(null, root);
    root.remove();
  };
}

function EmotePicker({ send }: { send(kind: EmoteKind): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" class="panel-toggle" aria-expanded={open} aria-controls="emote-menu" onClick={() => setOpen(!open)}>
        Emote
      </button>
      {open && (
        <div class="emote-menu" id="emote-menu" role="group" aria-label="Emotes" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
          {EMOTE_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              aria-label={`${EMOTES[kind].label} (Alt+${EMOTES[kind].key})`}
              title={EMOTES[kind].label}
              data-emote-button={kind}
              onClick={() => {
                send(kind);
                setOpen(false);
              }}
            >
              <img src={emoteImage(kind)} alt="" width={28} height={28} />
            </button>
          ))}
        </div>
      )}
    </>
  );
}

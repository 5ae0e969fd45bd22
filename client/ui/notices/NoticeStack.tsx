import { render } from "preact";
import type { NoticeCenter } from "./NoticeCenter";

/** Renders the notice list: text, the notice's actions, and Dismiss. */
export function NoticeStack({ center }: { center: NoticeCenter }) {
  const notices = center.notices.value;
  return (
    <div class="notice-stack" role="region" aria-label="Notifications" data-notices="">
      {notices.map((n) => (
        <div key={n.id} class="notice" role={n.urgent ? "alert" : "status"} data-notice={n.key} {...n.data}>
          <span>{n.text}</span>
          {n.actions.map((a) => (
            <button
              key={a.label}
              type="button"
              aria-label={a.name}
              {...a.data}
              onClick={() => {
                a.run();
                if (a.closes !== false) center.remove(n.id);
              }}
            >
              {a.label}
            </button>
          ))}
          <button type="button" class="notice-dismiss" aria-label={`Dismiss: ${n.text}`} onClick={() => center.remove(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

/** Renders the notices into `host` (for composition code that is not TSX). */
export function mountNotices(center: NoticeCenter, host: HTMLElement): () => void {
  render(<NoticeStack center={center} />, host);
  return () => render(null, host);
}

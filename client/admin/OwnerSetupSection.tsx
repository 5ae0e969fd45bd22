import { useState } from "preact/hooks";
import { announce, api, me, reloadSpace } from "./adminState";

/** The token of a setup link (/admin/:slug#setup=…), or null. It lives in the fragment, so it never reaches the server's logs. */
export function setupTokenFrom(hash: string): string | null {
  const match = /^#setup=([A-Za-z0-9_%-]{1,200})$/.exec(hash);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * A space without an owner, opened with the link the server printed at
 * start-up: one button makes the signed-in account its owner. The server
 * takes the link once, so a second person with it is told it was used.
 */
export function OwnerSetupSection({ slug, name, token, onOwner }: { slug: string; name: string; token: string; onOwner: () => void }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const claim = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await api.claimOwnerSetup(slug, token);
    } catch (err) {
      // Said twice on purpose: beside the button, and in the page's announcement for screen readers.
      setRefusal((err as Error).message);
      announce((err as Error).message, true);
      return;
    } finally {
      setBusy(false);
    }
    announce(`You are now the owner of ${name}.`);
    // The link is spent: keep it out of the address bar and history.
    history.replaceState(null, "", window.location.pathname);
    me.value = await api.me();
    await reloadSpace(slug);
    onOwner();
  };
  return (
    <section class="admin-section" id="owner-setup" aria-labelledby="owner-setup-heading">
      <h2 id="owner-setup-heading">Become the owner of {name}</h2>
      <p>
        {name} has no owner. This link was printed in the server's log when it started, for whoever runs the server. It works once and
        expires; the next start of the server prints a new one.
      </p>
      <p>
        Signed in as <strong>{me.value?.member.displayName}</strong>, you will own {name}: its settings, maps, invites and members.
      </p>
      <button type="button" class="join-button" disabled={busy} onClick={claim}>
        Become owner of {name}
      </button>
      {refusal ? (
        <p class="join-error" role="alert">
          {refusal}
        </p>
      ) : null}
    </section>
  );
}

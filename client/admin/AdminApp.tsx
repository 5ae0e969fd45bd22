import { useEffect, useState } from "preact/hooks";
import { api, me, notice, reloadSpace, slugFromPath, space } from "./adminState";
import { OwnerSetupSection, setupTokenFrom } from "./OwnerSetupSection";
import { AuditSection } from "./sections/AuditSection";
import { InvitesSection } from "./sections/InvitesSection";
import { MapsSection } from "./sections/MapsSection";
import { MembersSection } from "./sections/MembersSection";
import { SettingsSection } from "./sections/SettingsSection";
import { SpacesSection } from "./sections/SpacesSection";

const SECTIONS = [
  ["spaces", "Spaces"],
  ["invites", "Invites"],
  ["members", "Members & bans"],
  ["settings", "Settings"],
  ["maps", "Maps"],
  ["audit", "Audit log"],
] as const;

/**
 * /admin lists your spaces and creates new ones; /admin/:slug runs one space,
 * each part a section with its own heading (reachable from the nav and by
 * screen readers' heading lists). Only owners and admins see a space's sections.
 */
export function AdminApp({ path }: { path: string }) {
  const slug = slugFromPath(path);
  const [state, setState] = useState<"loading" | "signed-out" | "ready" | "forbidden" | "missing">("loading");
  const [awaitingOwner, setAwaitingOwner] = useState(false);
  // A setup link (/admin/:slug#setup=…) for a space without an owner; read once, as the page opens.
  const [setupToken, setSetupToken] = useState(() => (slug ? setupTokenFrom(window.location.hash) : null));

  useEffect(() => {
    void (async () => {
      try {
        me.value = await api.me();
      } catch {
        setAwaitingOwner((await api.space("default").catch(() => null))?.awaitingOwner === true);
        return setState("signed-out");
      }
      if (!slug) return setState("ready");
      try {
        await reloadSpace(slug);
      } catch {
        return setState("missing");
      }
      setState(space.value?.role === "owner" || space.value?.role === "admin" ? "ready" : "forbidden");
    })();
  }, [slug]);

  const current = space.value;
  const offerSetup = !!(setupToken && slug && current && current.role !== "owner" && (state === "ready" || state === "forbidden"));
  const title = slug && current ? current.name : "Your spaces";
  useEffect(() => {
    document.title = `${title} · Deskmap admin`;
  }, [title]);

  return (
    <div class="admin">
      <header class="topbar admin-top">
        <h1 class="brand">
          Deskmap admin{current && slug ? <span class="brand-space"> · {current.name}</span> : null}
        </h1>
        <nav aria-label="Places" class="admin-places">
          {slug ? <a href={`/?space=${encodeURIComponent(slug)}`}>Open the office</a> : <a href="/">Open the office</a>}
          {slug ? <a href="/admin">All your spaces</a> : null}
          {me.value ? <span class="admin-who">Signed in as {me.value.member.displayName}</span> : null}
        </nav>
      </header>
      <p class={`admin-notice${notice.value?.error ? " is-error" : ""}`} role="status" aria-live="polite">
        {notice.value?.text ?? ""}
      </p>
      <div class="admin-body">
        {state === "ready" && slug ? (
          <nav class="admin-nav" aria-label="Sections">
            <ul>
              {SECTIONS.map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="admin-main" class="admin-main" tabIndex={-1}>
          {state === "loading" ? <p>Loading…</p> : null}
          {state === "signed-out" ? <SignedOut awaitingOwner={awaitingOwner} setupFor={setupToken ? slug : null} /> : null}
          {state === "missing" ? <p class="join-error">There is no space called “{slug}”.</p> : null}
          {offerSetup ? (
            <OwnerSetupSection
              slug={slug!}
              name={current!.name}
              token={setupToken!}
              onOwner={() => {
                setSetupToken(null);
                setState("ready");
              }}
            />
          ) : null}
          {state === "forbidden" && !offerSetup ? (
            <>
              <p class="join-error">Only the owners and admins of “{current?.name ?? slug}” can run it. Your role there: {current?.role ?? "none"}.</p>
              <p class="join-note">
                An owner makes people admins or owners in the space's Members section. A space with no owner gets one through the one-time
                setup link its server prints in its log when it starts.
              </p>
            </>
          ) : null}
          {state === "ready" && !slug ? <SpacesSection /> : null}
          {state === "ready" && slug && current ? (
            <>
              <SpacesSection current={current} />
              <InvitesSection slug={slug} />
              <MembersSection slug={slug} />
              <SettingsSection slug={slug} />
              <MapsSection slug={slug} />
              <AuditSection slug={slug} />
            </>
          ) : null}
        </main>
      </div>
    </div>
  );
}

function SignedOut({ awaitingOwner, setupFor }: { awaitingOwner: boolean; setupFor: string | null }) {
  return (
    <section class="admin-section" aria-labelledby="signin-heading">
      <h2 id="signin-heading">Sign in first</h2>
      <p>
        The admin page runs the spaces you own or administer. <a href="/">Sign in or create an account</a> on the office page, then come back here.
      </p>
      {setupFor ? (
        <p class="join-note" data-owner-setup="">
          This is the one-time link that makes you the owner of “{setupFor}”. Sign in or create an account first (
          <a href={`/?space=${encodeURIComponent(setupFor)}`}>on the office page</a>), then open this link again from the server's log.
        </p>
      ) : null}
      {awaitingOwner ? (
        <p class="join-note">Nobody owns this server's office yet: the first account created becomes its owner.</p>
      ) : null}
    </section>
  );
}

import "../styles.css";
import "./admin.css";
import { render } from "preact";
import { AdminApp } from "./AdminApp";
import { EditorApp } from "./editor/EditorApp";

/** The admin page (/admin, /admin/:slug): its own bundle, so the office's stays as it was. */
const root = document.getElementById("admin");
if (!root) throw new Error("admin.html is missing #admin");
// /admin/:slug/edit is the map editor (admins and map makers); every other admin path is the admin page.
const editing = /^\/admin\/([a-z0-9-]{1,48})\/edit\/?$/.exec(window.location.pathname);
render(editing ? <EditorApp slug={editing[1]} /> : <AdminApp path={window.location.pathname} />, root);

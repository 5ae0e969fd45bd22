import "../styles.css";
import "./admin.css";
import { render } from "preact";
import { AdminApp } from "./AdminApp";

/** The admin page (/admin, /admin/:slug): its own bundle, so the office's stays as it was. */
const root = document.getElementById("admin");
if (!root) throw new Error("admin.html is missing #admin");
render(<AdminApp path={window.location.pathname} />, root);

/**
 * A discreet line under the connection status while the server cannot reach
 * its database. The office keeps working; the server keeps what changed and
 * saves it when the database is back, so the line only informs.
 */
export class DatabaseNotice {
  private readonly el: HTMLElement;

  constructor(statusEl: HTMLElement) {
    this.el = document.createElement("p");
    this.el.className = "status database-notice";
    this.el.setAttribute("role", "status");
    this.el.hidden = true;
    this.el.textContent = "Saving is delayed: your position and status are kept and will be saved shortly.";
    statusEl.after(this.el);
  }

  update(available: boolean): void {
    this.el.hidden = available;
  }
}

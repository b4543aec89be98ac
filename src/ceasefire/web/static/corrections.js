// Corrections: an analyst rejects or confirms a record, or sets one of its fields, through
// `POST /corrections` with the server's write token; `GET /corrections` lists them and
// `POST /corrections/{id}/undo` takes one back. The token and the analyst's name are kept
// in sessionStorage (for this tab only), never in the address.

import { getJSON, postJSON } from "./api.js";
import { el } from "./dom.js";

const TOKEN = "ceasefire.token";
const AUTHOR = "ceasefire.author";

export const ARRANGEMENT_FIELDS = {
  status: ["mentioned", "proposed", "agreed", "announced", "rejected", "in_force", "extended", "expanded", "violated", "collapsed", "expired"],
  type: ["humanitarian_pause", "regime_of_calm", "truce", "local_agreement", "de_escalation_zone", "cessation_of_hostilities", "ceasefire", "comprehensive_ceasefire"],
  start: "date",
  end: "date",
};
export const EVENT_FIELDS = {
  event_type: ["battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots", "strategic_developments"],
  actor1: null,
  place: null,
  fatalities: "number",
};

export class Corrections {
  constructor(form, status, onDone) {
    this.token = form.querySelector("#token");
    this.author = form.querySelector("#author");
    this.status = status;
    this.onDone = onDone; // called after a correction is written: reload the data
    this.madeOn = new Map(); // correction id -> the record whose page it was made on, in this tab
    this.page = null; // the record whose page is shown
    this.token.value = sessionStorage.getItem(TOKEN) || "";
    this.author.value = sessionStorage.getItem(AUTHOR) || "";
    this.token.addEventListener("input", () => sessionStorage.setItem(TOKEN, this.token.value.trim()));
    this.author.addEventListener("input", () => sessionStorage.setItem(AUTHOR, this.author.value.trim()));
    form.addEventListener("submit", (event) => event.preventDefault());
  }

  say(text, error = false) {
    this.status.textContent = text;
    this.status.classList.toggle("error", error);
  }

  credentials() {
    const token = this.token.value.trim();
    const author = this.author.value.trim();
    if (!token) throw new Error("enter the write token (top right) to make corrections");
    if (!author) throw new Error("enter your name (top right) to make corrections");
    return { token, author };
  }

  // POST one correction: {action, kind, id, field, value, target, reason}.
  async send(correction) {
    try {
      const { token, author } = this.credentials();
      this.say(`${correction.action} ${correction.kind} ${correction.id}…`);
      const body = { field: null, value: null, target: null, reason: null, ...correction, author };
      const made = await postJSON("/corrections", body, token);
      if (this.page) this.madeOn.set(made.id, this.page);
      const what = `correction ${made.id}: ${made.action} ${made.kind} ${made.record_id}${made.field ? ` ${made.field}` : ""}`;
      this.say(`${what} stored; reloading…`);
      await this.onDone(made);
      this.say(`${what} saved`);
      return made;
    } catch (error) {
      this.say(`correction refused: ${error.message}`, true);
      return null;
    }
  }

  async undo(correction) {
    try {
      const { token, author } = this.credentials();
      const undone = await postJSON(`/corrections/${encodeURIComponent(correction.id)}/undo`, { author, reason: null }, token);
      this.say(`correction ${undone.id} taken back; reloading…`);
      await this.onDone(undone);
      this.say(`correction ${undone.id} undone`);
    } catch (error) {
      this.say(`undo refused: ${error.message}`, true);
    }
  }

  // Every correction, oldest first; null when the server keeps none (no such endpoint).
  async list() {
    try {
      return (await getJSON("/corrections")).corrections;
    } catch {
      return null;
    }
  }

  // "reject" and "confirm" buttons for one record.
  buttons(kind, id, label) {
    const box = el("span", { class: "correct-buttons", "data-kind": kind, "data-id": id });
    for (const action of ["reject", "confirm"]) {
      const button = el("button", {
        type: "button",
        class: `correct ${action}`,
        "data-action": action,
        title: `${action} this ${label || kind}`,
        text: label ? `${action} ${label}` : action,
      });
      button.addEventListener("click", async () => {
        button.disabled = true;
        await this.send({ action, kind, id });
        button.disabled = false;
      });
      box.append(button);
    }
    return box;
  }

  // A document marked irrelevant leaves resolution (the contract's `document` + `reject`).
  irrelevantButton(documentId) {
    const button = el("button", { type: "button", class: "correct reject irrelevant", "data-kind": "document", "data-id": documentId, title: "mark this document irrelevant: its records leave resolution", text: "irrelevant" });
    button.addEventListener("click", async () => {
      button.disabled = true;
      await this.send({ action: "reject", kind: "document", id: documentId });
      button.disabled = false;
    });
    return button;
  }

  // A small form to set one field of a record: a field, its value (a list where the values
  // are known), a reason.
  setForm(kind, id, fields, current = {}) {
    const field = el("select", { name: "field", "aria-label": "field" });
    for (const name of Object.keys(fields)) field.append(el("option", { value: name, text: name }));
    const valueBox = el("span", { class: "value-box" });
    const reason = el("input", { name: "reason", placeholder: "reason (optional)", size: 18, dir: "auto" });
    let value = null;
    const showValue = () => {
      const choices = fields[field.value];
      if (Array.isArray(choices)) {
        value = el("select", { name: "value", "aria-label": "value" });
        for (const c of choices) value.append(el("option", { value: c, text: c, selected: c === current[field.value] }));
      } else {
        const type = choices === "number" || choices === "date" ? choices : "text";
        value = el("input", { name: "value", "aria-label": "value", dir: "auto", size: 16, type, min: type === "number" ? 0 : null });
        if (current[field.value] != null) value.value = current[field.value];
      }
      valueBox.replaceChildren(value);
    };
    field.addEventListener("change", showValue);
    showValue();
    const form = el("form", { class: "set-form", "data-kind": kind, "data-id": id },
      el("strong", { text: "set " }), field, " to ", valueBox, " ", reason, " ",
      el("button", { type: "submit", text: "set" }));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      let given = value.value.trim();
      if (fields[field.value] === "number" || fields[field.value] === "date") given = given === "" ? null : given;
      if (fields[field.value] === "number" && given !== null) given = Number(given);
      await this.send({ action: "set", kind, id, field: field.value, value: given, reason: reason.value.trim() || null });
    });
    return form;
  }

  undoButton(c) {
    const undo = el("button", { type: "button", class: "undo", text: "undo" });
    undo.addEventListener("click", async () => {
      undo.disabled = true;
      await this.undo(c);
      undo.disabled = false;
    });
    return undo;
  }

  // The corrections that name one of `ids` (or, with `prefix`, a violation of that
  // arrangement: "<arrangement>/<event>", rejected ones included), with an undo button each.
  // Those made on this page in this tab are listed too (an event rejected here is no longer
  // among its candidates).
  history(all, ids, prefix = null) {
    const wanted = new Set(ids);
    const here = (c) => this.page && this.madeOn.get(c.id) === this.page;
    const mine = all.filter((c) => wanted.has(c.record_id) || wanted.has(c.target) || (prefix && c.record_id.startsWith(prefix)) || here(c));
    if (!mine.length) return el("p", { class: "muted", text: "no corrections yet" });
    const list = el("ul", { class: "corrections" });
    for (const c of mine) {
      const what = `${c.created.slice(0, 16).replace("T", " ")} · ${c.author}: ${describe(c)}`;
      const item = el("li", { "data-correction": c.id, class: c.undone ? "undone" : null },
        el("span", { dir: "auto", text: what }),
        c.reason ? el("small", { dir: "auto", text: ` (${c.reason})` }) : null,
        c.undone ? el("small", { text: " — undone" }) : null,
        c.orphaned ? el("small", { text: " — its record is gone" }) : null);
      if (!c.undone) item.append(" ", this.undoButton(c));
      list.append(item);
    }
    return list;
  }
}

// "set arrangement arr-1 status = \"collapsed\"", "reject violation arr-1/evt-2", ...
export function describe(c) {
  return `${c.action} ${c.kind} ${c.record_id}${c.field ? ` ${c.field} = ${JSON.stringify(c.value)}` : ""}${c.target ? ` → ${c.target}` : ""}`;
}

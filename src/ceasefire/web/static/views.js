// The detail views: an arrangement's page (who calls it what, its status timeline, its
// violation candidates with corrections controls) and an event's page (its sources: the
// documents' titles, outlets and links, with the sentences that report it). A document's
// text opens below either.

import { documentPath, getJSON } from "./api.js";
import { ARRANGEMENT_FIELDS, EVENT_FIELDS, describe } from "./corrections.js";
import { correctedBadge, el, names, placeNames, quote, table, viewLink } from "./dom.js";
import { placeName } from "./map.js";

const documents = new Map(); // id -> the document (with its text), as fetched

export async function getDocument(id) {
  if (!documents.has(id)) documents.set(id, getJSON(documentPath(id)).catch(() => null));
  return documents.get(id);
}

export function forgetDocuments() {
  documents.clear();
}

function eventLabel(e) {
  return `${e.date || "?"} ${e.subtype || e.type || "event"} · ${placeName(e.place)}`;
}

export async function arrangementView(id, ctx) {
  const a = await getJSON(`/arrangements/${encodeURIComponent(id)}`);
  ctx.corrections.page = a.id;
  const events = new Map(ctx.events().map((e) => [e.id, e]));
  const corrections = await ctx.corrections.list();
  const violationRows = a.violations.map((v) => {
    const e = events.get(v.event_id);
    const vid = `${a.id}/${v.event_id}`;
    return {
      attrs: { class: "violation-row", "data-event": v.event_id, "data-violation": vid },
      cells: [
        v.date || "",
        viewLink(e ? eventLabel(e) : v.event_id, ctx.href({ event: v.event_id }), () => ctx.go.event(v.event_id), { class: "event-link" }),
        String(v.score),
        (v.reasons || []).map((r) => `${r.reason} ${r.weight}`).join(", "),
        el("span", { dir: "auto", text: v.attributed_to ? v.attributed_to.canonical : "" }),
        quote(v.evidence && v.evidence.text),
        el("div", { class: "actions" },
          ctx.corrections.buttons("violation", vid, "violation"),
          correctedBadge(v),
          el("br"),
          ctx.corrections.buttons("event", v.event_id, "event"),
          e ? correctedBadge(e) : null),
      ],
    };
  });
  const excluded = [...((a.excluded || {}).places || []), ...((a.excluded || {}).actors || [])];
  const ids = [a.id, ...a.violations.map((v) => `${a.id}/${v.event_id}`), ...a.violations.map((v) => v.event_id)];
  return el("article", { class: "view arrangement-view", "data-arrangement": a.id },
    el("p", { class: "crumbs" }, el("span", { class: "kind", text: "arrangement" }), ` ${a.id} `, correctedBadge(a)),
    el("h2", { dir: "auto", text: `${a.type} — ${placeNames(a.places)}` }),
    el("p", { dir: "auto", text: `${a.start || "?"} to ${a.end || "open"} · status: ${a.status} · sponsors: ${names(a.sponsors)} · parties: ${names(a.parties)} · mediators: ${names(a.mediators)}` }),
    el("p", { dir: "auto", text: `made in: ${names(a.venues || [])} · not covering: ${names(excluded)}` }),
    el("div", { class: "correct-box" }, ctx.corrections.setForm("arrangement", a.id, ARRANGEMENT_FIELDS, { status: a.status, type: a.type, start: a.start, end: a.end })),
    el("h3", { text: "Who calls it what" }),
    characterizations(a),
    el("h3", { text: "Status timeline" }),
    table(["date", "status", "source", "quote"], a.timeline.map((t) => [t.date, t.status, docLink(t.document_id), quote(t.evidence.text)])),
    el("h3", { text: `Violation candidates (${a.violations.length})` }),
    a.violations.length
      ? table(["date", "event", "score", "reasons", "attributed to", "quote", "corrections"], violationRows, { class: "violations" })
      : el("p", { class: "muted", text: "none" }),
    corrections ? el("h3", { text: "Corrections" }) : null,
    corrections ? ctx.corrections.history(corrections, ids, `${a.id}/`) : null,
    el("div", { id: "document" })
  );
}

export async function eventView(id, ctx) {
  const e = await getJSON(`/events/${encodeURIComponent(id)}`);
  ctx.corrections.page = e.id;
  const sources = await Promise.all((e.sources || []).map(async (s) => ({ ...s, doc: await getDocument(s.document_id) })));
  const candidates = ctx.violations().filter((v) => v.event_id === e.id);
  const arrangements = new Map(ctx.arrangements().map((a) => [a.id, a]));
  const corrections = await ctx.corrections.list();
  const actors = [e.actor1, e.actor2].filter(Boolean).map((x) => x.canonical || x.name);
  const sourceList = el("ol", { class: "sources" });
  for (const s of sources) {
    const d = s.doc || {};
    sourceList.append(el("li", { class: "source", "data-document": s.document_id },
      el("div", { class: "source-title", dir: "auto", text: d.title || s.document_id }),
      el("div", { class: "source-meta" },
        el("span", { class: "outlet", dir: "auto", text: d.outlet || "outlet unknown" }),
        ` · ${d.published || "undated"} · `,
        webLink(d.url),
        " · ", docLink(s.document_id, "stored text"), " ", ctx.corrections.irrelevantButton(s.document_id)),
      quote(s.evidence && s.evidence.text)));
  }
  const ids = [e.id, ...candidates.map((v) => `${v.arrangement_id}/${e.id}`)];
  return el("article", { class: "view event-view", "data-event": e.id },
    el("p", { class: "crumbs" }, el("span", { class: "kind", text: "event" }), ` ${e.id} `, correctedBadge(e)),
    el("h2", { dir: "auto", text: `${e.subtype || e.type} — ${placeName(e.place)}, ${e.date || "undated"}` }),
    el("p", { dir: "auto", text: `type: ${e.type}${e.subtype ? ` / ${e.subtype}` : ""} · actors: ${actors.join(" → ") || "–"} · fatalities: ${e.fatalities ?? "–"} · place: ${[placeName(e.place), e.place && e.place.admin1, e.place && e.place.country].filter(Boolean).join(", ")}` }),
    quote(e.evidence && e.evidence.text),
    el("div", { class: "correct-box" },
      ctx.corrections.buttons("event", e.id, "event"), " ",
      ctx.corrections.setForm("event", e.id, EVENT_FIELDS, {
        event_type: e.type, actor1: e.actor1 && (e.actor1.canonical || e.actor1.name), place: e.place && placeName(e.place), fatalities: e.fatalities,
      })),
    el("h3", { text: `Sources (${sources.length})` }),
    sourceList,
    el("h3", { text: `Violation candidate of (${candidates.length})` }),
    candidates.length
      ? table(["arrangement", "score", "corrections"], candidates.map((v) => {
        const a = arrangements.get(v.arrangement_id);
        const label = a ? `${a.type} — ${placeNames(a.places)} (${a.start || "?"})` : v.arrangement_id;
        return {
          attrs: { class: "violation-row", "data-violation": `${v.arrangement_id}/${e.id}` },
          cells: [
            viewLink(label, ctx.href({ arrangement: v.arrangement_id }), () => ctx.go.arrangement(v.arrangement_id)),
            String(v.score),
            ctx.corrections.buttons("violation", `${v.arrangement_id}/${e.id}`, "violation"),
          ],
        };
      }))
      : el("p", { class: "muted", text: "none" }),
    corrections ? el("h3", { text: "Corrections" }) : null,
    corrections ? ctx.corrections.history(corrections, ids) : null,
    el("div", { id: "document" })
  );
}

// A document's address as a link when it is a web address (http or https), else as text.
function webLink(url) {
  if (!url) return el("span", { text: "no link" });
  if (!/^https?:\/\//i.test(url)) return el("span", { class: "source-url", text: url });
  return el("a", { href: url, class: "source-url", target: "_blank", rel: "noopener noreferrer", text: url });
}

// Every correction, newest first, each with what it names and an undo button.
export async function correctionsView(ctx) {
  ctx.corrections.page = null;
  const all = await ctx.corrections.list();
  const box = el("article", { class: "view corrections-view" }, el("h2", { text: "Corrections" }));
  if (all === null) {
    box.append(el("p", { class: "muted", text: "this server keeps no corrections" }));
    return box;
  }
  if (!all.length) {
    box.append(el("p", { class: "muted", text: "no corrections yet" }));
    return box;
  }
  const rows = [...all].reverse().map((c) => ({
    attrs: { "data-correction": c.id, class: c.undone ? "undone" : null },
    cells: [
      String(c.id),
      c.created.slice(0, 16).replace("T", " "),
      el("span", { dir: "auto", text: c.author }),
      recordLink(c, ctx),
      el("span", { dir: "auto", text: c.reason || "" }),
      c.undone ? "undone" : c.orphaned ? "its record is gone" : "",
      c.undone ? "" : ctx.corrections.undoButton(c),
    ],
  }));
  box.append(table(["#", "when", "who", "what", "reason", "", ""], rows, { class: "corrections-table" }));
  return box;
}

// The correction's description, a link to the page of the record it names where there is one.
function recordLink(c, ctx) {
  const text = describe(c);
  if (c.kind === "arrangement" || c.kind === "violation") {
    const id = c.record_id.split("/")[0];
    return viewLink(text, ctx.href({ arrangement: id }), () => ctx.go.arrangement(id));
  }
  if (c.kind === "event") return viewLink(text, ctx.href({ event: c.record_id }), () => ctx.go.event(c.record_id));
  return el("span", { dir: "auto", text });
}

function characterizations(a) {
  // One box per term, side by side: the term, who uses it, and their sentences.
  const byTerm = new Map();
  for (const c of a.characterizations) {
    const key = c.term.toLowerCase();
    if (!byTerm.has(key)) byTerm.set(key, { term: c.term, type: c.type, actors: [], quotes: [] });
    const entry = byTerm.get(key);
    if (!entry.actors.includes(c.actor.canonical)) entry.actors.push(c.actor.canonical);
    entry.quotes.push(c);
  }
  const box = el("div", { class: "characterizations" });
  for (const entry of byTerm.values()) {
    const card = el("div", { class: "characterization" },
      el("h4", { text: `“${entry.term}” — ${entry.actors.join(", ")}`, dir: "auto" }),
      el("small", { text: entry.type }));
    for (const c of entry.quotes) card.append(quote(c.evidence.text), docLink(c.document_id));
    box.append(card);
  }
  return box;
}

function docLink(id, text = id) {
  const link = el("a", { href: "#document", class: "doc-link", dir: "auto", text });
  link.addEventListener("click", (event) => {
    event.preventDefault();
    showDocument(id);
  });
  return link;
}

// A stored document's text, below the view (as text, never markup).
export async function showDocument(id) {
  const doc = await getDocument(id);
  const box = document.getElementById("document");
  if (!box) return;
  if (!doc) {
    box.replaceChildren(el("p", { class: "error", text: `no document ${id}` }));
    return;
  }
  box.replaceChildren(
    el("h3", { text: doc.title || doc.id, dir: "auto" }),
    el("p", { dir: "auto", text: `${doc.outlet || ""} ${doc.published || ""} ${doc.url || ""}` }),
    el("div", { class: "doc-text", dir: "auto", text: doc.text })
  );
  box.scrollIntoView({ behavior: "smooth", block: "nearest" });
}

// The dashboard: a map (country borders, arrangements' areas, events, the main places'
// names), a timeline with a date axis (zoom, and brushing a date range that filters the
// map), filters, and a page for an arrangement or an event with its evidence and sources
// and corrections controls. The whole view lives in the address (urlstate.js).
// Everything from the API is put on the page as text (textContent), never as HTML.

import { all, getJSON } from "./api.js";
import { Corrections } from "./corrections.js";
import { correctedBadge, el, placeNames } from "./dom.js";
import { fromDay, inRange, isDate, matchArrangement, matchEvent, overlaps, toDay } from "./filters.js";
import { EventMap } from "./map.js";
import { Timeline } from "./timeline.js";
import { hashOf, readHash, writeHash } from "./urlstate.js";
import { arrangementView, correctionsView, eventView, forgetDocuments, showDocument } from "./views.js";

const SERVER_FILTERS = ["type", "country", "place"]; // asked of the API; the rest are applied here
const PAGE_FILTERS = ["actor", "q", "since", "until"];

const state = {
  arrangements: [], // as loaded (the API's filters applied)
  events: [],
  violations: [],
  shown: { arrangements: [], events: [] }, // after this page's filters
  filters: {},
  selected: { arrangement: null, event: null, corrections: null }, // one of them: the page shown
  zoom: null, // the timeline's view, "YYYY-MM-DD~YYYY-MM-DD"
  openEnd: null, // the last day of the data: where an arrangement with no end is drawn to
  loaded: null, // the API filters the data was loaded with
};

const form = document.getElementById("filters");
const status = document.getElementById("status");
const detail = document.getElementById("detail");
const viewBox = document.getElementById("view");

const go = {
  arrangement: (id) => selectArrangement(id),
  event: (id) => selectEvent(id),
  corrections: () => selectCorrections(),
};
const map = new EventMap("map", { onArrangement: go.arrangement, onEvent: go.event });
const timeline = new Timeline(document.getElementById("timeline"), {
  onRange: (range) => setRange(range),
  onView: (view) => {
    state.zoom = view ? `${fromDay(view[0])}~${fromDay(view[1])}` : null;
    saveHash();
  },
  onEvent: go.event,
  onArrangement: go.arrangement,
});
const corrections = new Corrections(document.getElementById("auth"), document.getElementById("correction-status"), async () => {
  forgetDocuments();
  await load(true);
  await showSelected(false);
});
const ctx = {
  corrections,
  go,
  events: () => state.events,
  arrangements: () => state.arrangements,
  violations: () => state.violations,
  // the address of this view with another selection
  href: (selected) => hashOf({ ...state.filters, zoom: state.zoom, ...selected }),
};

function formFilters() {
  const values = {};
  for (const [key, value] of new FormData(form).entries()) if (String(value).trim()) values[key] = String(value).trim();
  if (values.country) values.country = values.country.toUpperCase();
  for (const key of ["since", "until"]) if (values[key] && !isDate(values[key])) delete values[key];
  return values;
}

function fillForm(values) {
  for (const key of [...SERVER_FILTERS, ...PAGE_FILTERS]) {
    const input = form.elements[key];
    if (input) input.value = values[key] || "";
  }
}

function saveHash() {
  writeHash({ ...state.filters, zoom: state.zoom, ...state.selected });
}

function serverKey(filters) {
  return SERVER_FILTERS.map((k) => filters[k] || "").join("|");
}

let loading = 0;
async function load(force = false) {
  const key = serverKey(state.filters);
  if (!force && key === state.loaded) {
    applyFilters();
    return;
  }
  const ticket = ++loading; // a later load wins over one still under way
  status.textContent = "loading…";
  status.dataset.ready = "false";
  try {
    const params = new URLSearchParams({ limit: "500" });
    for (const k of SERVER_FILTERS) if (state.filters[k]) params.set(k, state.filters[k]);
    const eventParams = new URLSearchParams({ limit: "500", format: "geojson" });
    for (const k of ["country", "place"]) if (state.filters[k]) eventParams.set(k, state.filters[k]);
    const [arrangements, features, violations] = await Promise.all([
      all(`/arrangements?${params}`),
      all(`/events?${eventParams}`),
      all("/violations?limit=500"),
    ]);
    if (ticket !== loading) return;
    state.arrangements = arrangements;
    state.events = features.map((f) => ({
      ...f.properties,
      id: f.properties.id || f.id,
      point: f.geometry ? f.geometry.coordinates : null,
    }));
    state.violations = violations;
    state.loaded = key;
    state.openEnd = lastDay();
    applyFilters();
    status.dataset.ready = "true";
  } catch (error) {
    if (ticket === loading) status.textContent = `error: ${error.message}`;
  }
}

function lastDay() {
  const days = [];
  for (const a of state.arrangements) days.push(a.start, a.end, ...(a.timeline || []).map((t) => t.date));
  for (const e of state.events) days.push(e.date);
  for (const v of state.violations) days.push(v.date);
  return days.filter(Boolean).sort().at(-1) || null;
}

// The page's own filters: actor and words narrow the map, the list and the timeline; the
// date range narrows the map and the list, and is drawn on the timeline, which keeps
// showing the whole period to brush in.
function applyFilters() {
  const f = state.filters;
  const range = { since: f.since, until: f.until };
  const arrangements = state.arrangements.filter((a) => matchArrangement(a, f));
  const events = state.events.filter((e) => matchEvent(e, f));
  state.shown = {
    arrangements: arrangements.filter((a) => overlaps(a, range, state.openEnd)),
    events: events.filter((e) => inRange(e.date, range)),
  };
  const ids = new Set(arrangements.map((a) => a.id));
  timeline.setData({
    arrangements,
    events,
    violations: state.violations.filter((v) => ids.has(v.arrangement_id)),
    range,
    selected: state.selected,
    openEnd: state.openEnd,
  });
  drawSelection();
  const label = document.getElementById("range-label");
  label.textContent = range.since || range.until ? `dates: ${range.since || "…"} to ${range.until || "…"}` : "dates: all";
  status.textContent = `${state.shown.arrangements.length} arrangements, ${state.shown.events.length} events`;
  saveHash();
}

function drawSelection() {
  map.draw(state.shown.arrangements, state.shown.events, state.selected);
  drawList();
  timeline.data.selected = state.selected;
  timeline.render();
}

function drawList() {
  const list = document.getElementById("arrangements");
  list.replaceChildren();
  for (const a of state.shown.arrangements) {
    const item = el("li", { "data-id": a.id, class: a.id === state.selected.arrangement ? "selected" : null },
      el("span", { class: "type", text: a.type }),
      " ",
      el("strong", { dir: "auto", text: placeNames(a.places) || "?" }),
      el("br"),
      el("small", { text: `${a.start || "?"} – ${a.end || "open"} · ${a.status}` }),
      correctedBadge(a));
    item.tabIndex = 0;
    item.addEventListener("click", () => selectArrangement(a.id));
    item.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        selectArrangement(a.id);
      }
    });
    list.append(item);
  }
  if (!state.shown.arrangements.length) list.append(el("li", { class: "muted", text: "none in this view" }));
}

function setRange({ since, until }) {
  state.filters = { ...state.filters, since: since || undefined, until: until || undefined };
  form.elements.since.value = since || "";
  form.elements.until.value = until || "";
  applyFilters();
}

async function selectArrangement(id, scroll = true) {
  state.selected = { arrangement: id, event: null, corrections: null };
  drawSelection();
  map.reveal(id);
  saveHash();
  await show(() => arrangementView(id, ctx), scroll);
}

async function selectEvent(id, scroll = true) {
  state.selected = { arrangement: null, event: id, corrections: null };
  drawSelection();
  map.reveal(id);
  saveHash();
  await show(() => eventView(id, ctx), scroll);
}

async function selectCorrections(scroll = true) {
  state.selected = { arrangement: null, event: null, corrections: "all" };
  drawSelection();
  saveHash();
  await show(() => correctionsView(ctx), scroll);
}

let showing = 0;
async function show(build, scroll) {
  const ticket = ++showing;
  detail.hidden = false;
  viewBox.setAttribute("aria-busy", "true");
  try {
    const view = await build();
    if (ticket !== showing) return;
    viewBox.replaceChildren(view);
  } catch (error) {
    if (ticket !== showing) return;
    viewBox.replaceChildren(el("p", { class: "error", text: error.status === 404 ? `not found: ${error.message}` : `error: ${error.message}` }));
  }
  viewBox.removeAttribute("aria-busy");
  if (scroll) detail.scrollIntoView({ behavior: "smooth" });
}

async function showSelected(scroll) {
  if (state.selected.arrangement) await selectArrangement(state.selected.arrangement, scroll);
  else if (state.selected.event) await selectEvent(state.selected.event, scroll);
  else if (state.selected.corrections) await selectCorrections(scroll);
  else {
    detail.hidden = true;
    viewBox.replaceChildren();
  }
}

// Open the view an address names: its filters, zoom and selection.
async function fromHash() {
  const values = readHash();
  fillForm(values);
  state.filters = formFilters();
  state.selected = {
    arrangement: values.arrangement || null,
    event: values.arrangement ? null : values.event || null,
    corrections: values.arrangement || values.event || !values.corrections ? null : "all",
  };
  const zoom = (values.zoom || "").split("~");
  state.zoom = zoom.length === 2 && isDate(zoom[0]) && isDate(zoom[1]) ? values.zoom : null;
  const first = state.loaded === null;
  await load();
  if (first) map.fit();
  if (state.zoom) timeline.setView([toDay(zoom[0]), toDay(zoom[1])], false);
  await showSelected(false);
}

let typing = null;
function onFilterChange(event) {
  const text = ["actor", "q"].includes(event.target.name);
  clearTimeout(typing);
  const apply = () => {
    const filters = formFilters();
    if (JSON.stringify(filters) === JSON.stringify(state.filters)) return; // already applied
    state.filters = filters;
    load();
  };
  if (text && event.type === "input") typing = setTimeout(apply, 250);
  else if (event.type === "change") apply();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  state.filters = formFilters();
  load();
});
form.addEventListener("input", onFilterChange);
form.addEventListener("change", onFilterChange);
document.getElementById("clear-filters").addEventListener("click", () => {
  fillForm({});
  state.filters = {};
  load();
});
document.getElementById("corrections-link").addEventListener("click", (event) => {
  event.preventDefault();
  selectCorrections();
});
document.getElementById("zoom-in").addEventListener("click", () => timeline.zoomBy(0.5));
document.getElementById("zoom-out").addEventListener("click", () => timeline.zoomBy(2));
document.getElementById("zoom-range").addEventListener("click", () => timeline.zoomToRange());
document.getElementById("zoom-all").addEventListener("click", () => timeline.setView(null));
document.getElementById("clear-range").addEventListener("click", () => setRange({}));
window.addEventListener("hashchange", fromHash);

window.showDocument = showDocument;

getJSON("/static/countries.geojson")
  .then((borders) => map.setBorders(borders))
  .catch(() => null)
  .then(fromHash);

// The dashboard: a map (country borders, arrangements' areas, events), a timeline of
// arrangements and violation candidates, filters, and an arrangement's page with who calls
// it what. Everything from the API is put on the page as text (textContent), never as HTML.
"use strict";

const state = { arrangements: [], events: [], violations: [], selected: null };
const map = L.map("map", { worldCopyJump: true, attributionControl: false }).setView([35, 38], 5);
const areas = L.layerGroup().addTo(map);
const eventDots = L.layerGroup().addTo(map);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

async function getJSON(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

async function all(path) {
  // Follow `next` to the end of a listing.
  const items = [];
  let url = path;
  while (url) {
    const page = await getJSON(url);
    items.push(...(page.items || page.features));
    url = page.next ? `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(page.next)}` : null;
  }
  return items;
}

function filterQuery() {
  const form = new FormData(document.getElementById("filters"));
  const params = new URLSearchParams({ limit: "500" });
  for (const [key, value] of form.entries()) if (value) params.set(key, value);
  return params;
}

async function load() {
  const status = document.getElementById("status");
  status.textContent = "loading…";
  try {
    const params = filterQuery();
    const eventParams = new URLSearchParams({ limit: "500", format: "geojson" });
    for (const key of ["country", "since", "until", "place"]) if (params.get(key)) eventParams.set(key, params.get(key));
    [state.arrangements, state.events, state.violations] = await Promise.all([
      all(`/arrangements?${params}`),
      all(`/events?${eventParams}`),
      all(`/violations?limit=500`),
    ]);
    draw();
    status.textContent = `${state.arrangements.length} arrangements, ${state.events.length} events`;
    status.dataset.ready = "true";
  } catch (error) {
    status.textContent = `error: ${error.message}`;
  }
}

function draw() {
  drawMap();
  drawList();
  drawTimeline();
}

function drawMap() {
  areas.clearLayers();
  eventDots.clearLayers();
  for (const arrangement of state.arrangements) {
    if (!arrangement.area) continue;
    const layer = L.geoJSON(arrangement.area, {
      style: { color: "#2a6fb0", weight: 1, fillOpacity: 0.15 },
    });
    layer.on("click", () => select(arrangement.id));
    layer.bindTooltip(el("span", { text: `${arrangement.type} (${arrangement.start || "?"})` }));
    areas.addLayer(layer);
  }
  for (const feature of state.events) {
    if (!feature.geometry) continue;
    const [lon, lat] = feature.geometry.coordinates;
    const props = feature.properties;
    const dot = L.circleMarker([lat, lon], {
      radius: 4 + Math.min(8, Math.sqrt(props.fatalities || 0)),
      color: "#b22",
      weight: 1,
      fillOpacity: 0.6,
      className: "event-dot",
    });
    dot.bindTooltip(el("span", { text: `${props.date || "?"} ${props.subtype || props.type}` }));
    eventDots.addLayer(dot);
  }
}

function drawList() {
  const list = document.getElementById("arrangements");
  list.replaceChildren();
  for (const a of state.arrangements) {
    const places = [...new Set(a.places.map((p) => p.canonical))].join(", ");
    const item = el(
      "li",
      { "data-id": a.id },
      el("span", { class: "type", text: a.type }),
      " ",
      el("strong", { text: places || "?" }),
      el("br"),
      el("small", { text: `${a.start || "?"} – ${a.end || "open"} · ${a.status}` })
    );
    if (a.id === state.selected) item.classList.add("selected");
    item.addEventListener("click", () => select(a.id));
    list.append(item);
  }
}

function drawTimeline() {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const rows = state.arrangements.filter((a) => a.start);
  if (!rows.length) return;
  const day = (s) => Date.parse(s) / 86400000;
  const ends = rows.map((a) => day(a.end || a.timeline.at(-1)?.date || a.start));
  const first = Math.min(...rows.map((a) => day(a.start)));
  const last = Math.max(...ends, first + 1);
  const width = svg.clientWidth || 800;
  const rowHeight = Math.max(12, Math.min(24, 240 / rows.length));
  svg.setAttribute("height", rows.length * rowHeight + 30);
  const x = (d) => 150 + ((d - first) / (last - first)) * (width - 170);
  const ns = "http://www.w3.org/2000/svg";
  const make = (tag, attrs) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };
  rows.forEach((a, i) => {
    const y = 10 + i * rowHeight;
    const label = make("text", { x: 4, y: y + rowHeight * 0.7, "font-size": 11 });
    label.textContent = `${a.type} ${a.start}`;
    svg.append(label);
    const start = x(day(a.start));
    const end = Math.max(start + 3, x(ends[i]));
    const bar = make("rect", {
      x: start, y: y + 2, width: end - start, height: rowHeight - 4,
      fill: a.id === state.selected ? "#2a6fb0" : "#8fb3d9", class: "bar", "data-id": a.id,
    });
    bar.addEventListener("click", () => select(a.id));
    svg.append(bar);
    for (const v of state.violations.filter((v) => v.arrangement_id === a.id && v.date)) {
      const tick = x(day(v.date));
      svg.append(make("line", { x1: tick, x2: tick, y1: y, y2: y + rowHeight, stroke: "#c22", "stroke-width": 2, class: "violation" }));
    }
  });
}

async function select(id) {
  state.selected = id;
  drawList();
  drawTimeline();
  const a = await getJSON(`/arrangements/${encodeURIComponent(id)}`);
  const detail = document.getElementById("detail");
  detail.hidden = false;
  detail.replaceChildren(
    el("h2", { text: `${a.type} — ${[...new Set(a.places.map((p) => p.canonical))].join(", ")}` }),
    el("p", { text: `${a.start || "?"} to ${a.end || "open"} · status: ${a.status} · sponsors: ${names(a.sponsors)} · parties: ${names(a.parties)} · mediators: ${names(a.mediators)}` }),
    el("p", { text: `made in: ${names(a.venues || [])} · not covering: ${names([...((a.excluded || {}).places || []), ...((a.excluded || {}).actors || [])])}` }),
    el("h3", { text: "Who calls it what" }),
    characterizations(a),
    el("h3", { text: "Status timeline" }),
    table(["date", "status", "source", "quote"], a.timeline.map((t) => [t.date, t.status, docLink(t.document_id), quote(t.evidence.text)])),
    el("h3", { text: `Violation candidates (${a.violations.length})` }),
    table(["date", "score", "reasons", "attributed to", "quote"], a.violations.map((v) => [v.date || "", String(v.score), (v.reasons || []).map((r) => `${r.reason} ${r.weight}`).join(", "), v.attributed_to ? v.attributed_to.canonical : "", quote(v.evidence.text)])),
    el("div", { id: "document" })
  );
  detail.scrollIntoView({ behavior: "smooth" });
}

function names(actors) {
  return actors.map((x) => x.canonical).join(", ") || "–";
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

function quote(text) {
  return el("blockquote", { dir: "auto", text });
}

function docLink(id) {
  const link = el("a", { href: `#document`, class: "doc-link", text: id });
  link.addEventListener("click", (event) => {
    event.preventDefault();
    showDocument(id);
  });
  return link;
}

async function showDocument(id) {
  const doc = await getJSON(`/documents/${encodeURIComponent(id).replaceAll("%2F", "/")}`);
  const box = document.getElementById("document");
  box.replaceChildren(
    el("h3", { text: doc.title || doc.id, dir: "auto" }),
    el("p", { text: `${doc.outlet || ""} ${doc.published || ""} ${doc.url || ""}` }),
    el("div", { class: "doc-text", dir: "auto", text: doc.text })
  );
}

function table(headers, rows) {
  const t = el("table", {}, el("tr", {}, ...headers.map((h) => el("th", { text: h }))));
  for (const row of rows) t.append(el("tr", {}, ...row.map((cell) => el("td", {}, cell))));
  return t;
}

async function drawBorders() {
  const borders = await getJSON("/static/countries.geojson");
  L.geoJSON(borders, { style: { color: "#777", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
  areas.eachLayer((layer) => layer.bringToFront && layer.bringToFront());
}

document.getElementById("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  load();
});
drawBorders().then(load);

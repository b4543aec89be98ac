// The timeline: a date axis with labelled ticks, one bar per arrangement with its violation
// candidates as red ticks, and a lane of events above them. The wheel zooms around the
// pointer; dragging on the plot brushes a date range (which filters the map and the list);
// dragging on the axis pans. Bars and marks are clickable.

import { svg } from "./dom.js";
import { fromDay, inRange, span, toDay } from "./filters.js";

const LEFT = 200; // room for the rows' labels
const RIGHT = 16;
const TOP = 4;
const LANE = 34; // the events' lane
const AXIS = 30;
const MIN_DAYS = 4; // the closest zoom
const STEPS = [
  [1, "day"], [2, "day"], [7, "day"], [14, "day"],
  [1, "month"], [2, "month"], [3, "month"], [6, "month"], [12, "month"],
];

function approxDays(n, unit) {
  return unit === "day" ? n : n * 30.44;
}

// Tick days between d0 and d1, about `wanted` of them: whole days, weeks (Mondays), or the
// first of a month.
export function ticks(d0, d1, wanted) {
  const days = d1 - d0;
  let [n, unit] = STEPS.find(([k, u]) => days / approxDays(k, u) <= wanted) || [0, "year"];
  if (unit === "year") {
    n = 12 * Math.max(1, Math.ceil(days / 365.25 / wanted));
    unit = "month";
  }
  const out = [];
  if (unit === "day") {
    const offset = n === 7 || n === 14 ? 4 : 0; // day 4 of the epoch was a Monday
    for (let d = Math.ceil((d0 - offset) / n) * n + offset; d <= d1; d += n) out.push(d);
    return out;
  }
  const first = new Date(Math.floor(d0) * 86400000);
  let year = first.getUTCFullYear();
  if (n > 12) year = Math.floor(year / (n / 12)) * (n / 12); // every 5 years: 1990, 1995, ...
  let month = Math.floor(first.getUTCMonth() / Math.min(n, 12)) * Math.min(n, 12);
  for (;;) {
    const d = Date.UTC(year, month, 1) / 86400000;
    if (d > d1) break;
    if (d >= d0) out.push(d);
    month += n;
    year += Math.floor(month / 12);
    month %= 12;
  }
  return out;
}

export class Timeline {
  constructor(node, handlers) {
    this.node = node;
    this.handlers = handlers; // onRange({since, until}), onView([d0, d1]), onEvent(id), onArrangement(id)
    this.data = { arrangements: [], events: [], violations: [], range: {}, selected: null, openEnd: null };
    this.extent = null;
    this.view = null;
    this.drag = null;
    this.swallowClick = false;
    node.addEventListener("pointerdown", (e) => this.down(e));
    node.addEventListener("pointermove", (e) => this.move(e));
    node.addEventListener("pointerup", (e) => this.up(e));
    node.addEventListener("pointercancel", () => {
      this.drag = null;
      this.render();
    });
    node.addEventListener("click", (e) => this.click(e), true);
    node.addEventListener("wheel", (e) => this.wheel(e), { passive: false });
    window.addEventListener("resize", () => this.render());
  }

  setData(data) {
    this.data = data;
    const days = [];
    for (const a of data.arrangements) {
      const s = span(a, data.openEnd);
      if (s) days.push(toDay(s[0]), toDay(s[1]));
    }
    for (const e of data.events) if (e.date) days.push(toDay(e.date));
    for (const v of data.violations) if (v.date) days.push(toDay(v.date));
    if (days.length) {
      const first = Math.min(...days);
      const last = Math.max(...days) + 1;
      const pad = Math.max(2, (last - first) * 0.03);
      this.extent = [first - pad, last + pad];
    } else {
      this.extent = null;
    }
    this.view = this.clamp(this.view || this.extent);
    this.render();
  }

  // Keep a view inside the data's extent and no closer than MIN_DAYS.
  clamp(view) {
    if (!view || !this.extent) return view;
    const [e0, e1] = this.extent;
    let [v0, v1] = view;
    const width = Math.min(e1 - e0, Math.max(MIN_DAYS, v1 - v0));
    const middle = (v0 + v1) / 2;
    v0 = middle - width / 2;
    v1 = middle + width / 2;
    if (v0 < e0) [v0, v1] = [e0, e0 + width];
    if (v1 > e1) [v0, v1] = [e1 - width, e1];
    return [v0, v1];
  }

  setView(view, notify = true) {
    this.view = this.clamp(view || this.extent);
    this.render();
    if (notify) this.handlers.onView(this.isWhole() ? null : this.view);
  }

  isWhole() {
    return !this.view || !this.extent || (this.view[0] <= this.extent[0] + 1e-6 && this.view[1] >= this.extent[1] - 1e-6);
  }

  zoomBy(factor, anchor = null) {
    if (!this.view) return;
    const [v0, v1] = this.view;
    const at = anchor ?? (v0 + v1) / 2;
    this.setView([at - (at - v0) * factor, at + (v1 - at) * factor]);
  }

  zoomToRange() {
    const { since, until } = this.data.range;
    if (!since && !until) return;
    const a = since ? toDay(since) : this.extent[0];
    const b = until ? toDay(until) + 1 : this.extent[1];
    const pad = Math.max(1, (b - a) * 0.05);
    this.setView([a - pad, b + pad]);
  }

  // Pixel <-> day, on the current view.
  geometry() {
    const width = this.node.clientWidth || 900;
    const plot = Math.max(100, width - LEFT - RIGHT);
    const [v0, v1] = this.view;
    return {
      width,
      plot,
      x: (d) => LEFT + ((d - v0) / (v1 - v0)) * plot,
      day: (x) => v0 + ((x - LEFT) / plot) * (v1 - v0),
    };
  }

  render() {
    const node = this.node;
    node.replaceChildren();
    const { arrangements, events, violations, range, selected, openEnd } = this.data;
    if (!this.view) {
      node.setAttribute("height", 40);
      node.append(svg("text", { x: 8, y: 24, class: "empty" }, "nothing to show"));
      return;
    }
    const g = this.geometry();
    const rows = arrangements.filter((a) => a.start);
    const rowHeight = Math.max(5, Math.min(18, Math.floor(480 / Math.max(1, rows.length)))); // many rows: thinner
    const bottom = TOP + LANE + rows.length * rowHeight + 6;
    const height = bottom + AXIS;
    node.setAttribute("height", height);
    node.setAttribute("width", g.width);
    this.axisTop = bottom;
    const visible = (x0, x1) => x1 >= LEFT - 2 && x0 <= LEFT + g.plot + 2; // the rest is not drawn

    const defs = svg("defs");
    const clip = svg("clipPath", { id: "timeline-clip" });
    clip.append(svg("rect", { x: LEFT, y: 0, width: g.plot, height }));
    defs.append(clip);
    node.append(defs, svg("rect", { x: LEFT, y: 0, width: g.plot, height: bottom, class: "plot-bg" }));

    const plot = svg("g", { "clip-path": "url(#timeline-clip)" });
    const labels = svg("g", { class: "labels" });
    const axis = svg("g", { class: "axis", transform: `translate(0,${bottom})` });
    axis.append(
      svg("rect", { x: LEFT, y: 0, width: g.plot, height: AXIS, class: "axis-strip" }),
      svg("line", { x1: LEFT, x2: LEFT + g.plot, y1: 0, y2: 0, class: "axis-line" })
    );
    const [v0, v1] = this.view;
    for (const d of ticks(v0, v1, Math.max(2, Math.floor(g.plot / 110)))) {
      const x = g.x(d);
      plot.append(svg("line", { x1: x, x2: x, y1: 0, y2: bottom, class: "grid" }));
      const tick = svg("g", { class: "tick", transform: `translate(${x},0)`, "data-date": fromDay(d) });
      tick.append(svg("line", { y1: 0, y2: 5 }), svg("text", { y: 18, "text-anchor": "middle" }, fromDay(d)));
      axis.append(tick);
    }

    // The date range: brushed or typed in; a brush being dragged is drawn instead.
    let shade = null;
    if (this.drag && this.drag.mode === "brush" && this.drag.moved) {
      shade = [Math.min(this.drag.x0, this.drag.x1), Math.max(this.drag.x0, this.drag.x1)];
    } else if (range.since || range.until) {
      shade = [range.since ? g.x(toDay(range.since)) : LEFT, range.until ? g.x(toDay(range.until) + 1) : LEFT + g.plot];
    }
    if (shade) {
      const [a, b] = [Math.max(LEFT - 1, shade[0]), Math.min(LEFT + g.plot + 1, shade[1])];
      plot.append(svg("rect", { x: a, y: 0, width: Math.max(1, b - a), height: bottom, class: "brush" }));
    }

    // Events: one mark each at its day, those of one day stacked.
    labels.append(svg("text", { x: 6, y: TOP + LANE / 2 + 4, class: "lane-label" }, `events (${events.length})`));
    const perDay = new Map();
    for (const e of events) {
      if (!e.date) continue;
      const cx = g.x(toDay(e.date) + 0.5);
      if (!visible(cx, cx)) continue;
      const k = perDay.get(e.date) || 0;
      perDay.set(e.date, k + 1);
      const cy = TOP + LANE - 7 - (k % 4) * 7;
      const mark = svg("circle", {
        cx,
        cy,
        r: 4.5,
        class: `event-mark${inRange(e.date, range) ? "" : " out"}${e.id === selected.event ? " selected" : ""}`,
        "data-event": e.id,
        "data-date": e.date,
      });
      mark.append(svg("title", {}, `${e.date} ${e.subtype || e.type}${e.place ? ` · ${e.place.canonical || e.place.name}` : ""}`));
      plot.append(mark);
    }

    rows.forEach((a, i) => {
      const y = TOP + LANE + i * rowHeight;
      const places = [...new Set((a.places || []).map((p) => p.canonical || p.name))].join(", ");
      const text = `${a.type.replaceAll("_", " ")} · ${places || "?"}`;
      if (rowHeight >= 11) {
        const label = svg("text", { x: 6, y: y + rowHeight * 0.7, class: "row-label", "data-arrangement": a.id }, text.length > 30 ? `${text.slice(0, 29)}…` : text);
        label.append(svg("title", {}, `${a.type} ${a.start} · ${places}`));
        labels.append(label);
      }
      const [s, e] = span(a, openEnd);
      const x0 = g.x(toDay(s));
      const x1 = Math.max(x0 + 3, g.x(toDay(e) + 1));
      if (!visible(x0, x1)) return;
      const bar = svg("rect", {
        x: x0,
        y: y + (rowHeight >= 11 ? 3 : 1),
        width: x1 - x0,
        height: Math.max(3, rowHeight - (rowHeight >= 11 ? 6 : 2)),
        class: `bar${a.id === selected.arrangement ? " selected" : ""}${a.end ? "" : " open"}`,
        "data-arrangement": a.id,
      });
      bar.append(svg("title", {}, `${a.type}: ${s} – ${a.end || "open"} (${a.status})`));
      plot.append(bar);
      for (const v of violations) {
        if (v.arrangement_id !== a.id || !v.date) continue;
        const x = g.x(toDay(v.date) + 0.5);
        if (!visible(x, x)) continue;
        const tick = svg("line", {
          x1: x, x2: x, y1: y + 1, y2: y + rowHeight - 1,
          class: `violation${v.event_id === selected.event ? " selected" : ""}`,
          "data-event": v.event_id,
          "data-arrangement": a.id,
        });
        tick.append(svg("title", {}, `violation candidate ${v.date}, score ${v.score}`));
        plot.append(tick);
      }
    });
    node.append(plot, labels, axis);
  }

  local(e) {
    const box = this.node.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  }

  down(e) {
    if (e.button !== 0 || !this.view) return;
    const { x, y } = this.local(e);
    if (x < LEFT) return;
    const mode = y >= this.axisTop ? "pan" : "brush";
    this.drag = { mode, x0: x, x1: x, view0: this.view, moved: false, pointer: e.pointerId };
  }

  move(e) {
    const drag = this.drag;
    if (!drag) return;
    const { x } = this.local(e);
    if (!drag.moved && Math.abs(x - drag.x0) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      try {
        this.node.setPointerCapture(drag.pointer);
      } catch {
        // the pointer is gone already
      }
    }
    const g = this.geometry();
    drag.x1 = Math.max(LEFT, Math.min(LEFT + g.plot, x));
    if (drag.mode === "pan") {
      const [v0, v1] = drag.view0;
      const shift = ((x - drag.x0) / g.plot) * (v1 - v0);
      this.view = this.clamp([v0 - shift, v1 - shift]);
    }
    this.render();
  }

  up() {
    const drag = this.drag;
    this.drag = null;
    if (!drag || !drag.moved) return;
    this.swallowClick = true;
    setTimeout(() => (this.swallowClick = false), 0);
    if (drag.mode === "pan") {
      this.setView(this.view);
      return;
    }
    const g = this.geometry();
    const a = g.day(Math.min(drag.x0, drag.x1));
    const b = g.day(Math.max(drag.x0, drag.x1));
    this.handlers.onRange({ since: fromDay(a), until: fromDay(Math.max(a, b - 1e-9)) });
  }

  click(e) {
    if (this.swallowClick) {
      this.swallowClick = false;
      e.stopPropagation();
      e.preventDefault();
      return;
    }
    const event = e.target.closest("[data-event]");
    if (event) {
      this.handlers.onEvent(event.getAttribute("data-event"));
      return;
    }
    const arrangement = e.target.closest("[data-arrangement]");
    if (arrangement) this.handlers.onArrangement(arrangement.getAttribute("data-arrangement"));
  }

  wheel(e) {
    if (!this.view) return;
    const { x } = this.local(e);
    if (x < LEFT) return;
    e.preventDefault();
    this.zoomBy(Math.exp(Math.max(-200, Math.min(200, e.deltaY)) * 0.002), this.geometry().day(x));
  }
}

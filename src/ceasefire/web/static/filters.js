// What the page narrows itself, on the records it loaded: the date range (the timeline's
// brush, or the from/to fields), actors' names, and words of the records' text. Type,
// country and place are asked of the API.

export const DAY_MS = 86400000;

export function toDay(iso) {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;
}

export function fromDay(day) {
  return new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);
}

export function isDate(value) {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toDay(value));
}

// The days an arrangement is drawn over: its start to its end; one with no end runs to
// `openEnd` (the last day of the data) when it is still open, else to its last report.
export function span(a, openEnd) {
  if (!a.start) return null;
  const last = (a.timeline || []).map((t) => t.date).filter(Boolean).sort().at(-1) || a.start;
  let end = a.end;
  if (!end) end = ["collapsed", "expired", "rejected"].includes(a.status) ? last : openEnd || last;
  if (end < a.start) end = a.start;
  return [a.start, end];
}

export function inRange(date, range) {
  if (!range.since && !range.until) return true;
  if (!date) return false;
  return (!range.since || date >= range.since) && (!range.until || date <= range.until);
}

export function overlaps(a, range, openEnd) {
  if (!range.since && !range.until) return true;
  const days = span(a, openEnd);
  if (!days) return false;
  return (!range.until || days[0] <= range.until) && (!range.since || days[1] >= range.since);
}

function fold(text) {
  // Case and Arabic diacritics (harakat, tatweel) do not matter to a search.
  return (text || "").toLowerCase().normalize("NFKD").replace(/[\u064B-\u065F\u0670\u0640\u0300-\u036f]/g, "");
}

function words(query) {
  return fold(query).split(/\s+/).filter(Boolean);
}

function matchesAll(query, texts) {
  const wanted = words(query);
  if (!wanted.length) return true;
  const haystack = fold(texts.filter(Boolean).join("\n"));
  return wanted.every((w) => haystack.includes(w));
}

function actorTexts(actors) {
  return actors.filter(Boolean).flatMap((x) => [x.name, x.canonical]);
}

export function arrangementActors(a) {
  return [
    ...(a.parties || []),
    ...(a.sponsors || []),
    ...(a.mediators || []),
    ...(a.characterizations || []).map((c) => c.actor),
    ...((a.excluded || {}).actors || []),
  ];
}

export function arrangementTexts(a) {
  return [
    a.type,
    a.status,
    ...(a.places || []).flatMap((p) => [p.name, p.canonical]),
    ...(a.characterizations || []).flatMap((c) => [c.term, c.evidence && c.evidence.text]),
    ...(a.timeline || []).map((t) => t.evidence && t.evidence.text),
    ...actorTexts(arrangementActors(a)),
  ];
}

export function eventTexts(e) {
  return [
    e.type,
    e.subtype,
    e.place && e.place.name,
    e.place && e.place.canonical,
    e.evidence && e.evidence.text,
    ...(e.sources || []).map((s) => s.evidence && s.evidence.text),
    ...actorTexts([e.actor1, e.actor2]),
  ];
}

// Every word of `actor` is in one of the record's actors' names; every word of `q` is in
// its text (terms, evidence sentences, places, actors).
export function matchArrangement(a, f) {
  if (f.actor && !arrangementActors(a).some((x) => matchesAll(f.actor, [x && x.name, x && x.canonical]))) return false;
  return matchesAll(f.q, arrangementTexts(a));
}

export function matchEvent(e, f) {
  if (f.actor && ![e.actor1, e.actor2].some((x) => x && matchesAll(f.actor, [x.name, x.canonical]))) return false;
  return matchesAll(f.q, eventTexts(e));
}

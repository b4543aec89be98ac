// The view in the address: every filter, the date range, the timeline's zoom and what is
// selected (an arrangement, an event, or the list of corrections) live in location.hash
// (#type=truce&since=2016-05-01&arrangement=arr-...), so a
// copied address opens the same view. The hash is rewritten with history.replaceState.

export const KEYS = ["type", "country", "place", "actor", "q", "since", "until", "zoom", "arrangement", "event", "corrections"];

export function readHash(hash = location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const out = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

export function hashOf(values) {
  const params = new URLSearchParams();
  for (const key of KEYS) if (values[key]) params.set(key, values[key]);
  const text = params.toString();
  return text ? `#${text}` : "";
}

export function writeHash(values) {
  const hash = hashOf(values);
  if (hash === location.hash || (!hash && !location.hash)) return;
  history.replaceState(null, "", `${location.pathname}${location.search}${hash}`);
}

// search.js: forgiving name search for the place and study-field lookups. Names are
// compared folded (lower case, accents and punctuation dropped); a query matches a name
// exactly, as a prefix (while typing), as the prefix of one of its words, or within a few
// typos (Damerau-Levenshtein: 1 for names up to 5 letters, 2 for longer ones).

/** "'s-Gravenhage" -> "s gravenhage", "Súdwest-Fryslân" -> "sudwest fryslan". */
export const fold = (s) =>
  String(s ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Typos a name of this length may carry and still match. */
export const tolerance = (n) => (n <= 5 ? 1 : 2);

/** Damerau-Levenshtein distance (optimal string alignment) of a and b; stops early above `max` (returns max + 1). */
export function distance(a, b, max = Infinity) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      if (d < low) low = d;
    }
    if (low > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Ranks entries ({key: folded name, ...}) against a folded query: 0 exact, 1 prefix,
 * 2 prefix of a later word, 3 + d within the typo tolerance of the whole name, 6 + d within
 * one typo of the name's prefix (while typing). Returns [{entry, rank, d}] best first.
 */
export function rank(entries, q) {
  if (!q) return [];
  const out = [];
  for (const e of entries) {
    const k = e.key;
    let r = -1;
    let d = 0;
    if (k === q) r = 0;
    else if (k.startsWith(q)) r = 1;
    else if (q.length >= 2 && k.includes(` ${q}`)) r = 2;
    else if (q.length >= 3) {
      d = distance(q, k, tolerance(k.length));
      if (d <= tolerance(k.length)) r = 3 + d;
      else if (q.length >= 4 && q.length < k.length) {
        d = distance(q, k.slice(0, q.length), 1);
        if (d <= 1) r = 6 + d;
      }
    }
    if (r >= 0) out.push({ entry: e, rank: r, d });
  }
  return out.sort((a, b) => a.rank - b.rank || a.entry.key.length - b.entry.key.length || (a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0));
}

/**
 * The one entry a query stands for, if any: an exact name of exactly one id (a name two
 * ids share, such as "Bergen", stands for neither), else the single name within the typo
 * tolerance that is closer than every other (queries of 4 letters or more).
 * Returns {entry, exact} or null.
 */
export function resolve(entries, q) {
  if (!q) return null;
  const exact = entries.filter((e) => e.key === q);
  if (exact.length) return exact.every((e) => e.id === exact[0].id) ? { entry: exact[0], exact: true } : null;
  if (q.length < 4) return null;
  let best = null;
  let bestD = Infinity;
  let tie = false;
  for (const e of entries) {
    const t = tolerance(e.key.length);
    const d = distance(q, e.key, t);
    if (d > t) continue;
    if (d < bestD) [best, bestD, tie] = [e, d, false];
    else if (d === bestD && e.id !== best.id) tie = true;
  }
  return best && !tie ? { entry: best, exact: false } : null;
}

/** The n entries closest to q (by rank, else by distance to the whole name or its start, if not far): suggestions for text that matched nothing. */
export function closest(entries, q, n = 3) {
  const seen = new Set();
  const ranked = rank(entries, q).map((r) => r.entry);
  const far = q.length <= 3 ? 1 : Math.ceil(q.length / 2); // beyond this a name is no suggestion
  const rest = entries
    .map((e) => ({ e, d: Math.min(distance(q, e.key, far), distance(q, e.key.slice(0, q.length), far)) }))
    .filter((x) => x.d <= far)
    .sort((a, b) => a.d - b.d || a.e.key.length - b.e.key.length)
    .map((x) => x.e);
  const out = [];
  for (const e of [...ranked, ...rest]) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
    if (out.length === n) break;
  }
  return out;
}

/** A JSON table fetched once per URL per page and built with `make`: `load(url)` resolves
 * to it (a failed fetch is forgotten, so the next call tries again); `loaded(url)` is the
 * built table if it has loaded on this page, else null. */
export function tables(make) {
  const loads = new Map();
  const built = new Map();
  return {
    load(url) {
      let p = loads.get(url);
      if (!p) {
        p = fetch(url).then(async (res) => {
          if (!res.ok) throw new Error(`HTTP ${res.status} (${url})`);
          const table = make(await res.json());
          built.set(url, table);
          return table;
        });
        p.catch(() => loads.delete(url));
        loads.set(url, p);
      }
      return p;
    },
    loaded: (url) => built.get(url) ?? null,
  };
}

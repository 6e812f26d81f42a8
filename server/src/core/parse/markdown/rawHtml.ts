/**
 * Inline raw HTML and autolinks (CommonMark 0.31), matched at a `<`. Each
 * construct whose end is a fixed string (`-->`, `?>`, `]]>`, `>`) finds it
 * through a search that remembers its last answer, so a text of a million
 * unclosed `<!--` is read once, not once per `<!--`.
 */
const OPEN_TAG = /<[A-Za-z][A-Za-z0-9-]*(?:[ \t\n]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t\n]*=[ \t\n]*(?:[^"'<=>`\t\n\r ]+|'[^']*'|"[^"]*"))?)*[ \t\n]*\/?>/y;
const CLOSE_TAG = /<\/[A-Za-z][A-Za-z0-9-]*[ \t\n]*>/y;
const URI_AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\x00-\x20\x7f]*>/y;
const EMAIL_AUTOLINK = /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y;

export interface RawHtml {
  end: number;
  comment: boolean;
}

/** Where a string next occurs at or after an offset (-1: nowhere), remembering the last answer. */
export function nextIndexOf(text: string, needle: string): (from: number) => number {
  let searchedFrom = Infinity;
  let found = -1;
  return from => {
    if (from < searchedFrom || (found >= 0 && from > found)) {
      searchedFrom = from;
      found = text.indexOf(needle, from);
    }
    return found;
  };
}

export class RawHtmlScanner {
  private readonly searches = new Map<string, (from: number) => number>();

  constructor(private readonly s: string) {}

  /** The autolink or raw HTML at the `<` at `at`: where it ends, and whether it is a comment. */
  scan(at: number): RawHtml | undefined {
    const s = this.s;
    const next = s.charCodeAt(at + 1);
    if (next === 33 /* ! */) {
      if (s.startsWith('<!--', at)) {
        if (s.charCodeAt(at + 4) === 62) return { end: at + 5, comment: true };
        if (s.startsWith('->', at + 4)) return { end: at + 6, comment: true };
        return this.until('-->', at + 4, true);
      }
      if (s.startsWith('<![CDATA[', at)) return this.until(']]>', at + 9, false);
      const c = s.charCodeAt(at + 2);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return this.until('>', at + 2, false);
      return undefined;
    }
    if (next === 63 /* ? */) return this.until('?>', at + 2, false);
    for (const re of [URI_AUTOLINK, EMAIL_AUTOLINK, OPEN_TAG, CLOSE_TAG]) {
      re.lastIndex = at;
      if (re.test(s)) return { end: re.lastIndex, comment: false };
    }
    return undefined;
  }

  private until(closer: string, from: number, comment: boolean): RawHtml | undefined {
    let search = this.searches.get(closer);
    if (search === undefined) this.searches.set(closer, (search = nextIndexOf(this.s, closer)));
    const at = search(from);
    return at < 0 ? undefined : { end: at + closer.length, comment };
  }
}

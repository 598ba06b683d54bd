/**
 * Which of many needles a text contains, in one pass over the text
 * (Aho–Corasick): a user's `contains` conditions cost the length of the text
 * once, not the text times each needle, as String.includes does at worst
 * (a needle like "aaaac" in "aaaa…" compares at every offset).
 */
export class NeedleIndex {
  private readonly ids = new Map<string, number>();
  /** Per trie node: its children by UTF-16 code unit. */
  private readonly next: Map<number, number>[] = [new Map()];
  /** Per node: the id of the needle ending there, or -1. */
  private readonly ends: number[] = [-1];
  private fail: Int32Array | undefined; // set once the first text is searched
  /** Per node: the nearest node down its failure chain where a needle ends, or 0. */
  private dictionary: Int32Array | undefined;
  private last: { text: string; found: Uint8Array } | undefined;

  /** The needle's id, the same for the same needle. Needles are added before the first search. */
  add(needle: string): number {
    let id = this.ids.get(needle);
    if (id !== undefined) return id;
    id = this.ids.size;
    this.ids.set(needle, id);
    let node = 0;
    for (let i = 0; i < needle.length; i++) {
      const code = needle.charCodeAt(i);
      let child = this.next[node].get(code);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.ends.push(-1);
        this.next[node].set(code, child);
      }
      node = child;
    }
    this.ends[node] = id;
    return id;
  }

  /** Whether the text contains the needle `id`; the last text's answers are kept, as every rule asks about the same one. */
  contains(text: string, id: number): boolean {
    if (this.last?.text !== text) this.last = { text, found: this.search(text) };
    return this.last.found[id] === 1;
  }

  private search(text: string): Uint8Array {
    if (!this.fail) this.link();
    const [fail, dictionary] = [this.fail!, this.dictionary!];
    const found = new Uint8Array(this.ids.size);
    const reported = new Uint8Array(this.next.length); // a reported node's whole chain was reported with it
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (node !== 0 && !this.next[node].has(code)) node = fail[node];
      node = this.next[node].get(code) ?? 0;
      for (let out = this.ends[node] >= 0 ? node : dictionary[node]; out !== 0 && reported[out] === 0; out = dictionary[out]) {
        reported[out] = 1;
        found[this.ends[out]] = 1;
      }
    }
    return found;
  }

  /** Failure and dictionary links, breadth first. */
  private link(): void {
    const fail = new Int32Array(this.next.length);
    const dictionary = new Int32Array(this.next.length);
    const queue = [...this.next[0].values()];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      for (const [code, child] of this.next[node]) {
        let f = fail[node];
        while (f !== 0 && !this.next[f].has(code)) f = fail[f];
        const target = this.next[f].get(code);
        fail[child] = target !== undefined && target !== child ? target : 0;
        dictionary[child] = this.ends[fail[child]] >= 0 ? fail[child] : dictionary[fail[child]];
        queue.push(child);
      }
    }
    this.fail = fail;
    this.dictionary = dictionary;
  }
}

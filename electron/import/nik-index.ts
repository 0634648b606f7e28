// A batch's NIKs for batch_niks (migration 0030), sorted by NIK then seq, flat as
// [nik, seq, nik, seq, ...]: inserted in key order, the B-tree fills page after page instead
// of splitting pages all over as row-order (random) NIKs would.
export class NikIndexBuilder {
  private readonly niks: string[] = [];
  private readonly seqs: number[] = [];

  add(nik: string | null | undefined, seq: number): void {
    if (nik) {
      this.niks.push(nik);
      this.seqs.push(seq);
    }
  }

  /**
   * Sorted as SQLite's BINARY collation orders the text. Clean NIKs are 16 digits, so the
   * order is numeric: the first 15 digits are exact in a double (the 16th would not be, for
   * provinces 91-96), then the last digit, then seq; comparing numbers takes a third of the
   * time of comparing the strings (~40 ms against ~100 ms for 100,000 NIKs).
   */
  sorted(): unknown[] {
    const { niks, seqs } = this;
    const n = niks.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    if (niks.every((v) => /^\d{16}$/.test(v))) {
      const head = new Float64Array(n);
      const last = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        head[i] = Number(niks[i]!.slice(0, 15));
        last[i] = niks[i]!.charCodeAt(15) - 48;
      }
      order.sort((a, b) => head[a]! - head[b]! || last[a]! - last[b]! || seqs[a]! - seqs[b]!);
    } else {
      order.sort((a, b) => (niks[a]! < niks[b]! ? -1 : niks[a]! > niks[b]! ? 1 : seqs[a]! - seqs[b]!));
    }
    const flat: unknown[] = new Array(n * 2);
    for (let i = 0; i < n; i++) {
      flat[2 * i] = niks[order[i]!];
      flat[2 * i + 1] = seqs[order[i]!];
    }
    return flat;
  }
}

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

  /** Digit strings of one length: JavaScript's < orders them as SQLite's BINARY does. */
  sorted(): unknown[] {
    const { niks, seqs } = this;
    const order = Array.from(niks.keys());
    order.sort((a, b) => (niks[a]! < niks[b]! ? -1 : niks[a]! > niks[b]! ? 1 : seqs[a]! - seqs[b]!));
    const flat: unknown[] = new Array(order.length * 2);
    for (let i = 0; i < order.length; i++) {
      flat[2 * i] = niks[order[i]!];
      flat[2 * i + 1] = seqs[order[i]!];
    }
    return flat;
  }
}

/**
 * Account ids are strings on the wire (UUIDs) and positive integers in slots. The main thread
 * owns the mapping; an account gets its number the first time it is seen. Id 0 stays "no
 * account" (the core rejects it as INVALID_ACCOUNT), so an empty or oversized string maps to 0.
 */
export class AccountDirectory {
  static readonly MAX_LENGTH = 128;
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [''];

  /** Numeric id of `accountId`, registering it on first use; 0 for an invalid string. */
  idOf(accountId: string): number {
    if (accountId.length === 0 || accountId.length > AccountDirectory.MAX_LENGTH) return 0;
    let id = this.ids.get(accountId);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(accountId, id);
      this.names.push(accountId);
    }
    return id;
  }

  /** Numeric id of a known account, without registering; undefined when never seen. */
  find(accountId: string): number | undefined {
    return this.ids.get(accountId);
  }

  /** Wire id of a numeric id ('' for 0 or unknown). */
  nameOf(id: number): string {
    return this.names[id] ?? '';
  }
}

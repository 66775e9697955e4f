/**
 * Names for node-postgres prepared statements, one per distinct SQL text. A named statement is
 * parsed and planned once per connection and then only bound and executed, where an unnamed one
 * is parsed and planned by PostgreSQL on every call. Prisma renders the same text for every query
 * of one shape (its query plans are cached by shape), so a service's texts are few.
 *
 * Bounded: node-postgres and each PostgreSQL backend keep every prepared statement for the life of
 * the connection, so past `capacity` distinct texts (ad-hoc SQL, `IN` lists of many lengths) new
 * texts get '' — PostgreSQL's unnamed statement, parsed each time as without this.
 */
export function preparedStatementNames(capacity = 500): (query: { readonly sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= capacity) return '';
    const name = `mib_${names.size.toString(36)}`;
    names.set(sql, name);
    return name;
  };
}

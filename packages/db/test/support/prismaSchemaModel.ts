/**
 * A deliberately small reading of schema.prisma (models, fields, ids, uniques, indexes, enums)
 * that shares no code with Prisma's engines, so the drift test can check the database against
 * the schema file independently of the engine that wrote the migrations.
 */
export interface SchemaField {
  readonly name: string;
  readonly column: string;
  readonly type: string;
  readonly optional: boolean;
  /** The `@db.*` attribute, e.g. `Decimal(20, 8)`, if any. */
  readonly nativeType: string | null;
  readonly unique: boolean;
  readonly id: boolean;
}

export interface SchemaModel {
  readonly name: string;
  /** `schema.table`. */
  readonly table: string;
  /** Scalar and enum fields (relation fields left out: they have no column). */
  readonly fields: readonly SchemaField[];
  /** Columns of the primary key, of each `@@unique`/`@unique`, and of each `@@index`, in order. */
  readonly primaryKey: readonly string[];
  readonly uniques: readonly (readonly string[])[];
  readonly indexes: readonly (readonly string[])[];
}

export interface SchemaEnum {
  readonly name: string;
  readonly schema: string;
  readonly values: readonly string[];
}

export function readPrismaSchema(text: string): { models: SchemaModel[]; enums: SchemaEnum[] } {
  const source = text.replace(/\/\/.*$/gm, '');
  const blocks = [...source.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(
    ([, kind, name, body]) => ({
      kind: kind!,
      name: name!,
      lines: body!
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    }),
  );
  const enums = blocks
    .filter((block) => block.kind === 'enum')
    .map((block) => ({
      name: block.name,
      schema: blockAttribute(block.lines, 'schema') ?? 'public',
      values: block.lines.filter((line) => !line.startsWith('@@')),
    }));
  const modelNames = new Set(blocks.filter((block) => block.kind === 'model').map((block) => block.name));
  const models = blocks
    .filter((block) => block.kind === 'model')
    .map((block) => readModel(block.name, block.lines, modelNames));
  return { models, enums };
}

function readModel(name: string, lines: readonly string[], modelNames: ReadonlySet<string>): SchemaModel {
  const fields = lines
    .filter((line) => !line.startsWith('@@'))
    .map((line) => /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && !modelNames.has(match[2]!) && !match[3])
    .map(([, fieldName, type, , optional, attributes = '']) => ({
      name: fieldName!,
      column: /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? fieldName!,
      type: type!,
      optional: optional === '?',
      nativeType: /@db\.(\w+(?:\([^)]*\))?)/.exec(attributes)?.[1] ?? null,
      unique: /@unique\b/.test(attributes),
      id: /@id\b/.test(attributes),
    }));
  const columnOf = (fieldName: string) =>
    fields.find((field) => field.name === fieldName)?.column ?? `?${fieldName}`;
  const lists = (attribute: string) =>
    lines
      .filter((line) => line.startsWith(`@@${attribute}(`))
      .map((line) =>
        /\[([^\]]*)\]/
          .exec(line)![1]!
          .split(',')
          .map((entry) => columnOf(entry.trim().replace(/\(.*\)$/, ''))),
      );
  return {
    name,
    table: `${blockAttribute(lines, 'schema') ?? 'public'}.${blockAttribute(lines, 'map') ?? name}`,
    fields,
    primaryKey: lists('id')[0] ?? fields.filter((field) => field.id).map((field) => field.column),
    uniques: [...lists('unique'), ...fields.filter((field) => field.unique).map((field) => [field.column])],
    indexes: lists('index'),
  };
}

function blockAttribute(lines: readonly string[], attribute: string): string | undefined {
  return lines.map((line) => new RegExp(`^@@${attribute}\\("([^"]+)"\\)`).exec(line)?.[1]).find(Boolean);
}

/** The type PostgreSQL reports (`format_type`) for a field, following Prisma's PostgreSQL mapping. */
export function expectedColumnType(field: SchemaField, enums: readonly SchemaEnum[]): string {
  const enumType = enums.find((candidate) => candidate.name === field.type);
  if (enumType) return `${enumType.schema}."${enumType.name}"`;
  const native = field.nativeType?.replace(/\s+/g, '');
  const precision = /\(([^)]*)\)/.exec(native ?? '')?.[1];
  switch (field.type) {
    case 'String':
      if (native === 'Uuid') return 'uuid';
      if (native?.startsWith('Char(')) return `character(${precision})`;
      if (native?.startsWith('VarChar(')) return `character varying(${precision})`;
      return 'text';
    case 'Decimal':
      return `numeric(${precision ?? '65,30'})`;
    case 'DateTime':
      return native?.startsWith('Timestamptz')
        ? `timestamp(${precision ?? 3}) with time zone`
        : `timestamp(${precision ?? 3}) without time zone`;
    case 'Int':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Boolean':
      return 'boolean';
    case 'Float':
      return 'double precision';
    case 'Json':
      // Prisma maps Json to jsonb on PostgreSQL unless @db.Json asks for json.
      return native === 'Json' ? 'json' : 'jsonb';
    default:
      return `unmapped Prisma type ${field.type}`;
  }
}

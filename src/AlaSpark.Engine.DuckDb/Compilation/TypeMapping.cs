using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Compilation;

/// <summary>
/// Spark types to DuckDB types and back. Spark's <c>timestamp</c> (an instant) is held as a
/// DuckDB <c>TIMESTAMP</c> in UTC inside queries and written to files as <c>TIMESTAMPTZ</c>
/// (Parquet <c>isAdjustedToUTC=true</c>, what Spark writes); <c>timestamp_ntz</c> stays a plain
/// <c>TIMESTAMP</c>.
/// </summary>
internal static class TypeMapping
{
    public static string ToDuckDb(DataType type) => type switch
    {
        StringType => "VARCHAR",
        BooleanType => "BOOLEAN",
        ByteType => "TINYINT",
        ShortType => "SMALLINT",
        IntegerType => "INTEGER",
        LongType => "BIGINT",
        FloatType => "FLOAT",
        DoubleType => "DOUBLE",
        DecimalType d => $"DECIMAL({d.Precision},{d.Scale})",
        DateType => "DATE",
        TimestampType or TimestampNtzType => "TIMESTAMP",
        BinaryType => "BLOB",
        NullType => "INTEGER",
        ArrayType a => ToDuckDb(a.ElementType) + "[]",
        MapType m => $"MAP({ToDuckDb(m.KeyType)}, {ToDuckDb(m.ValueType)})",
        StructType s => s.Count == 0
            ? throw new AlaSparkException("An empty struct type is not supported by the embedded engine.")
            : "STRUCT(" + string.Join(", ", s.Fields.Select(f => SqlText.Ident(f.Name) + " " + ToDuckDb(f.DataType))) + ")",
        _ => throw new AlaSparkException($"The data type '{type.SimpleString}' is not supported by the embedded engine."),
    };

    /// <summary>The DuckDB type used when writing files (timestamps as instants).</summary>
    public static string ToDuckDbForWrite(DataType type) => type switch
    {
        TimestampType => "TIMESTAMPTZ",
        ArrayType a => ToDuckDbForWrite(a.ElementType) + "[]",
        MapType m => $"MAP({ToDuckDbForWrite(m.KeyType)}, {ToDuckDbForWrite(m.ValueType)})",
        StructType s => "STRUCT(" + string.Join(", ", s.Fields.Select(f => SqlText.Ident(f.Name) + " " + ToDuckDbForWrite(f.DataType))) + ")",
        _ => ToDuckDb(type),
    };

    public static bool ContainsTimestamp(DataType type) => type switch
    {
        TimestampType => true,
        ArrayType a => ContainsTimestamp(a.ElementType),
        MapType m => ContainsTimestamp(m.KeyType) || ContainsTimestamp(m.ValueType),
        StructType s => s.Fields.Any(f => ContainsTimestamp(f.DataType)),
        _ => false,
    };

    /// <summary>Parses a DuckDB type name as DESCRIBE prints it.</summary>
    public static DataType FromDuckDb(string typeName) => new DuckTypeParser(typeName).ParseAll();

    private sealed class DuckTypeParser(string text)
    {
        private int _pos;

        public DataType ParseAll()
        {
            var t = Parse();
            Space();
            if (_pos != text.Length) throw Fail();
            return t;
        }

        private DataType Parse()
        {
            Space();
            var word = Word().ToUpperInvariant();
            DataType type;
            switch (word)
            {
                case "VARCHAR": case "TEXT": case "STRING": case "UUID": case "JSON": case "BIT": case "ENUM":
                    SkipParens(); type = StringType.Instance; break;
                case "BOOLEAN": case "BOOL": type = BooleanType.Instance; break;
                case "TINYINT": type = ByteType.Instance; break;
                case "SMALLINT": case "UTINYINT": type = ShortType.Instance; break;
                case "INTEGER": case "INT": case "USMALLINT": type = IntegerType.Instance; break;
                case "BIGINT": case "UINTEGER": type = LongType.Instance; break;
                case "UBIGINT": case "HUGEINT": case "UHUGEINT": type = new DecimalType(38, 0); break;
                case "FLOAT": case "REAL": type = FloatType.Instance; break;
                case "DOUBLE": type = DoubleType.Instance; break;
                case "DATE": type = DateType.Instance; break;
                case "TIMESTAMP": case "TIMESTAMP_S": case "TIMESTAMP_MS": case "TIMESTAMP_NS": case "DATETIME":
                    if (TryWords("WITH", "TIME", "ZONE")) type = TimestampType.Instance;
                    else type = TimestampNtzType.Instance;
                    break;
                case "TIMESTAMPTZ": type = TimestampType.Instance; break;
                case "BLOB": case "BYTEA": type = BinaryType.Instance; break;
                case "NULL": type = NullType.Instance; break;
                case "DECIMAL": case "NUMERIC":
                {
                    Space();
                    var p = 18; var s = 3;
                    if (Peek('('))
                    {
                        _pos++;
                        p = Number(); Space();
                        if (Peek(',')) { _pos++; s = Number(); }
                        Expect(')');
                    }
                    type = new DecimalType(p, s);
                    break;
                }
                case "STRUCT":
                {
                    Expect('(');
                    var fields = new List<StructField>();
                    do
                    {
                        Space();
                        var name = Name();
                        var fieldType = Parse();
                        fields.Add(new StructField(name, fieldType));
                        Space();
                    } while (TryChar(','));
                    Expect(')');
                    type = new StructType(fields);
                    break;
                }
                case "MAP":
                {
                    Expect('(');
                    var k = Parse();
                    Expect(',');
                    var v = Parse();
                    Expect(')');
                    type = new MapType(k, v);
                    break;
                }
                default:
                    throw new AlaSparkException($"The DuckDB type '{text}' has no Spark equivalent in AlaSpark.");
            }
            while (true)
            {
                Space();
                if (!Peek('[')) break;
                _pos++;
                while (_pos < text.Length && text[_pos] != ']') _pos++;
                Expect(']');
                type = new ArrayType(type);
            }
            return type;
        }

        private bool TryWords(params string[] words)
        {
            var save = _pos;
            foreach (var w in words)
            {
                Space();
                if (!Word().Equals(w, StringComparison.OrdinalIgnoreCase)) { _pos = save; return false; }
            }
            return true;
        }

        private string Name()
        {
            if (Peek('"'))
            {
                _pos++;
                var sb = new System.Text.StringBuilder();
                while (_pos < text.Length)
                {
                    if (text[_pos] == '"')
                    {
                        if (_pos + 1 < text.Length && text[_pos + 1] == '"') { sb.Append('"'); _pos += 2; continue; }
                        _pos++;
                        return sb.ToString();
                    }
                    sb.Append(text[_pos++]);
                }
                throw Fail();
            }
            return Word();
        }

        private void SkipParens()
        {
            Space();
            if (!Peek('(')) return;
            var depth = 0;
            do
            {
                if (text[_pos] == '(') depth++;
                else if (text[_pos] == ')') depth--;
                _pos++;
            } while (depth > 0 && _pos < text.Length);
        }

        private string Word()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            return text[start.._pos];
        }

        private int Number()
        {
            Space();
            var start = _pos;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
            return int.Parse(text.AsSpan(start, _pos - start), System.Globalization.CultureInfo.InvariantCulture);
        }

        private void Space() { while (_pos < text.Length && text[_pos] == ' ') _pos++; }
        private bool Peek(char c) => _pos < text.Length && text[_pos] == c;
        private bool TryChar(char c) { Space(); if (!Peek(c)) return false; _pos++; return true; }
        private void Expect(char c) { Space(); if (!Peek(c)) throw Fail(); _pos++; }
        private AlaSparkException Fail() => new($"Cannot read the DuckDB type '{text}' (at position {_pos + 1}).");
    }
}

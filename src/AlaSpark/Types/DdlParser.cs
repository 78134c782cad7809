namespace AlaSpark.Types;

/// <summary>
/// Parses Spark's DDL type syntax: type strings (<c>decimal(10,2)</c>, <c>array&lt;string&gt;</c>,
/// <c>struct&lt;a: int, b string&gt;</c>) and column lists (<c>id INT NOT NULL, name STRING COMMENT 'x'</c>).
/// Keywords are case-insensitive; names may be back-quoted.
/// </summary>
internal sealed class DdlParser
{
    private readonly string _text;
    private int _pos;

    private DdlParser(string text) => _text = text;

    public static DataType ParseType(string text)
    {
        var p = new DdlParser(text);
        var type = p.Type();
        p.SkipSpace();
        if (!p.AtEnd) throw p.Error("unexpected text after the type");
        return type;
    }

    public static StructType ParseSchema(string ddl)
    {
        var p = new DdlParser(ddl);
        var fields = new List<StructField>();
        p.SkipSpace();
        if (p.AtEnd) throw p.Error("the schema is empty");
        do
        {
            fields.Add(p.Field(allowColon: false));
            p.SkipSpace();
        } while (p.TryConsume(','));
        if (!p.AtEnd) throw p.Error("expected ',' or the end of the schema");
        var duplicate = fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new AlaSparkException($"The schema '{ddl}' names column '{duplicate.Key}' twice.");
        return new StructType(fields);
    }

    public static string QuoteIdentifier(string name) =>
        IsPlainIdentifier(name) ? name : "`" + name.Replace("`", "``") + "`";

    private static bool IsPlainIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private bool AtEnd => _pos >= _text.Length;

    private StructField Field(bool allowColon)
    {
        var name = Identifier();
        SkipSpace();
        if (allowColon) TryConsume(':');
        var type = Type();
        var nullable = true;
        string? comment = null;
        while (true)
        {
            SkipSpace();
            if (TryKeyword("NOT"))
            {
                if (!TryKeyword("NULL")) throw Error("expected NULL after NOT");
                nullable = false;
            }
            else if (TryKeyword("COMMENT"))
            {
                comment = StringLiteral();
            }
            else break;
        }
        return new StructField(name, type, nullable, comment);
    }

    private DataType Type()
    {
        SkipSpace();
        var start = _pos;
        var word = Word().ToLowerInvariant();
        switch (word)
        {
            case "string": return StringType.Instance;
            case "varchar":
            case "char":
                SkipSpace();
                if (TryConsume('(')) { Number(); Expect(')'); }
                return StringType.Instance;
            case "boolean": case "bool": return BooleanType.Instance;
            case "tinyint": case "byte": return ByteType.Instance;
            case "smallint": case "short": return ShortType.Instance;
            case "int": case "integer": return IntegerType.Instance;
            case "bigint": case "long": return LongType.Instance;
            case "float": case "real": return FloatType.Instance;
            case "double": return DoubleType.Instance;
            case "date": return DateType.Instance;
            case "timestamp": case "timestamp_ltz": return TimestampType.Instance;
            case "timestamp_ntz": return TimestampNtzType.Instance;
            case "binary": return BinaryType.Instance;
            case "void": return NullType.Instance;
            case "decimal":
            case "dec":
            case "numeric":
                SkipSpace();
                if (!TryConsume('(')) return new DecimalType(10, 0);
                var precision = Number();
                var scale = 0;
                SkipSpace();
                if (TryConsume(',')) scale = Number();
                Expect(')');
                try { return new DecimalType(precision, scale); }
                catch (ArgumentOutOfRangeException e) { throw Error(e.Message.Split(" (")[0]); }
            case "array":
            {
                Expect('<');
                var element = Type();
                Expect('>');
                return new ArrayType(element);
            }
            case "map":
            {
                Expect('<');
                var key = Type();
                Expect(',');
                var value = Type();
                Expect('>');
                return new MapType(key, value);
            }
            case "struct":
            {
                Expect('<');
                var fields = new List<StructField>();
                SkipSpace();
                if (!TryConsume('>'))
                {
                    do fields.Add(Field(allowColon: true)); while (TryConsumeAfterSpace(','));
                    Expect('>');
                }
                return new StructType(fields);
            }
            case "":
                throw Error("expected a data type");
            default:
                _pos = start;
                throw Error($"unsupported data type '{word}'");
        }
    }

    private string Identifier()
    {
        SkipSpace();
        if (TryConsume('`'))
        {
            var sb = new System.Text.StringBuilder();
            while (true)
            {
                if (AtEnd) throw Error("unterminated back-quoted name");
                var c = _text[_pos++];
                if (c == '`')
                {
                    if (!AtEnd && _text[_pos] == '`') { sb.Append('`'); _pos++; continue; }
                    return sb.ToString();
                }
                sb.Append(c);
            }
        }
        var name = Word();
        if (name.Length == 0) throw Error("expected a column name");
        return name;
    }

    private string Word()
    {
        var start = _pos;
        while (!AtEnd && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
        return _text[start.._pos];
    }

    private int Number()
    {
        SkipSpace();
        var start = _pos;
        while (!AtEnd && char.IsAsciiDigit(_text[_pos])) _pos++;
        if (start == _pos) throw Error("expected a number");
        return int.TryParse(_text.AsSpan(start, _pos - start), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Error("the number is too large");
    }

    private string StringLiteral()
    {
        SkipSpace();
        if (AtEnd || (_text[_pos] != '\'' && _text[_pos] != '"')) throw Error("expected a quoted string");
        var quote = _text[_pos++];
        var sb = new System.Text.StringBuilder();
        while (true)
        {
            if (AtEnd) throw Error("unterminated string");
            var c = _text[_pos++];
            if (c == '\\' && !AtEnd) { sb.Append(_text[_pos++]); continue; }
            if (c == quote) return sb.ToString();
            sb.Append(c);
        }
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        var start = _pos;
        var word = Word();
        if (string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase)) return true;
        _pos = start;
        return false;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private bool TryConsume(char c)
    {
        if (!AtEnd && _text[_pos] == c) { _pos++; return true; }
        return false;
    }

    private bool TryConsumeAfterSpace(char c)
    {
        SkipSpace();
        return TryConsume(c);
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (!TryConsume(c)) throw Error($"expected '{c}'");
    }

    private AlaSparkException Error(string what) =>
        new($"Cannot parse the schema \"{_text}\": {what} at position {_pos + 1}.");
}

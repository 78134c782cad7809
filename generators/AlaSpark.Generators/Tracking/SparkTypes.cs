using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Tracking;

/// <summary>
/// Spark type strings at compile time (<c>"date"</c>, <c>"decimal(10,2)"</c>, <c>"array&lt;string&gt;"</c>,
/// <c>"map&lt;string,int&gt;"</c>, <c>"struct&lt;a:int,b string&gt;"</c>), with the names and synonyms the
/// runtime's DDL parser accepts, and the cast rules that decide a cast's nullability.
/// </summary>
internal static class SparkTypes
{
    /// <summary>The type <paramref name="text"/> names, or null with <paramref name="error"/> saying why.</summary>
    public static ColumnType? Parse(string text, out string error)
    {
        var parser = new TypeParser(text);
        try
        {
            var type = parser.Type();
            parser.SkipSpace();
            if (!parser.AtEnd) throw parser.Fail("unexpected text after the type");
            error = "";
            return type;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>
    /// The fields of a DDL schema (<c>"id INT, tags ARRAY&lt;STRING&gt; NOT NULL"</c>), as the runtime's
    /// <c>StructType.FromDdl</c> reads it: fields separated by commas, no colon after a name, each name
    /// once (ignoring case). Null with <paramref name="error"/> saying why.
    /// </summary>
    public static IReadOnlyList<ColumnModel>? ParseFields(string text, out string error)
    {
        var parser = new TypeParser(text);
        try
        {
            parser.SkipSpace();
            if (parser.AtEnd) throw parser.Fail("the schema is empty");
            var fields = new List<ColumnModel>();
            do fields.Add(parser.Field(allowColon: false));
            while (parser.TryConsumeAfterSpace(','));
            parser.SkipSpace();
            if (!parser.AtEnd) throw parser.Fail("expected ',' or the end of the schema");
            var twice = fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null) throw new FormatException($"the field '{twice.Key}' is named twice");
            error = "";
            return fields;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>
    /// The common type of values of <paramref name="types"/>, as the runtime finds it for <c>coalesce</c>
    /// and CASE branches: equal types stay; numbers widen (int and bigint give bigint, an integer and a
    /// decimal a decimal wide enough for both, a float or double among decimals a double); a date and a
    /// timestamp give the timestamp; a string with anything gives a string. Unknown when one is unknown;
    /// null when two of them have no common type.
    /// </summary>
    public static ColumnType? Common(IEnumerable<ColumnType> types)
    {
        ColumnType? result = null;
        foreach (var type in types)
        {
            if (type.IsUnknown) return ColumnType.Unknown;
            if (result is null || result.SparkName == type.SparkName) result ??= type;
            else if (IsNumeric(result.Kind) && IsNumeric(type.Kind)) result = Wider(result, type);
            else if (result.Kind == DataTypeKind.Date && type.Kind is DataTypeKind.Timestamp or DataTypeKind.TimestampNtz) result = type;
            else if (result.Kind is DataTypeKind.Timestamp or DataTypeKind.TimestampNtz && type.Kind == DataTypeKind.Date) { }
            else if (result.Kind == DataTypeKind.String || type.Kind == DataTypeKind.String) result = ColumnType.Of(DataTypeKind.String);
            else return null;
        }
        return result ?? ColumnType.Unknown;
    }

    /// <summary>The wider of two numeric types (the runtime's numeric promotion).</summary>
    private static ColumnType Wider(ColumnType a, ColumnType b)
    {
        if (a.Kind == DataTypeKind.Double || b.Kind == DataTypeKind.Double) return ColumnType.Of(DataTypeKind.Double);
        if (a.Kind == DataTypeKind.Float || b.Kind == DataTypeKind.Float)
            return ColumnType.Of(a.Kind == DataTypeKind.Decimal || b.Kind == DataTypeKind.Decimal ? DataTypeKind.Double : DataTypeKind.Float);
        if (a.Kind == DataTypeKind.Decimal || b.Kind == DataTypeKind.Decimal)
        {
            var (x, y) = (AsDecimal(a), AsDecimal(b));
            var scale = Math.Max(x.Scale, y.Scale);
            var integral = Math.Max(x.Precision - x.Scale, y.Precision - y.Scale);
            return Bounded(integral + scale, scale);
        }
        return Rank(a.Kind) >= Rank(b.Kind) ? a : b;
    }

    private static int Rank(DataTypeKind kind) => kind switch
    {
        DataTypeKind.Byte => 1,
        DataTypeKind.Short => 2,
        DataTypeKind.Integer => 3,
        _ => 4,
    };

    /// <summary>An integral type as the decimal that holds every value of it.</summary>
    private static ColumnType AsDecimal(ColumnType type) =>
        type.Kind == DataTypeKind.Decimal ? type : Decimal(IntegralDigits(type.Kind), 0);

    /// <summary>Spark's rule for a decimal wider than 38 digits: keep the integral digits, give up scale (down to 6).</summary>
    private static ColumnType Bounded(int precision, int scale)
    {
        if (precision <= 38) return Decimal(Math.Max(precision, 1), scale);
        var integral = precision - scale;
        return Decimal(38, Math.Max(38 - integral, Math.Min(scale, 6)));
    }

    public static bool IsNumeric(DataTypeKind kind) =>
        kind is DataTypeKind.Byte or DataTypeKind.Short or DataTypeKind.Integer or DataTypeKind.Long
            or DataTypeKind.Float or DataTypeKind.Double or DataTypeKind.Decimal;

    /// <summary>
    /// True when casting <paramref name="from"/> to <paramref name="to"/> can give null for a non-null
    /// value: text to anything but text or binary, a narrowing number, a date to a number, or an
    /// unknown type. With ANSI mode on such a value fails the pipeline instead; the generator can't
    /// know the mode, so it takes the worst case (a nullable column).
    /// </summary>
    public static bool CastCanFail(ColumnType from, ColumnType to)
    {
        if (from.IsUnknown || to.IsUnknown) return true;
        if (from.SparkName == to.SparkName) return false;
        if (from.Kind == DataTypeKind.String) return to.Kind is not (DataTypeKind.String or DataTypeKind.Binary);
        if (from.Kind == DataTypeKind.Date) return IsNumeric(to.Kind);
        return IsNumeric(from.Kind) && IsNumeric(to.Kind) && !Widens(from, to);
    }

    /// <summary>
    /// False when Spark can't cast <paramref name="from"/> to <paramref name="to"/> at all: an array,
    /// map or struct from anything but the same kind (element by element), one of them to anything
    /// but a string, a binary to anything but a string. Other casts are left to the engine.
    /// </summary>
    public static bool CanCast(ColumnType from, ColumnType to)
    {
        if (from.IsUnknown || to.IsUnknown || from.SparkName == to.SparkName) return true;
        if (to.Kind == DataTypeKind.String) return true;
        if (IsComplex(to.Kind) || IsComplex(from.Kind))
        {
            if (from.Kind != to.Kind) return false;
            return to.Kind switch
            {
                DataTypeKind.Array => CanCast(from.Element!, to.Element!),
                DataTypeKind.Map => CanCast(from.Key ?? ColumnType.Of(DataTypeKind.String), to.Key ?? ColumnType.Of(DataTypeKind.String)) && CanCast(from.Element!, to.Element!),
                _ => from.Fields.Count == to.Fields.Count && Enumerable.Range(0, to.Fields.Count).All(i => CanCast(from.Fields[i].Type, to.Fields[i].Type)),
            };
        }
        return from.Kind != DataTypeKind.Binary || to.Kind == DataTypeKind.Binary;
    }

    private static bool IsComplex(DataTypeKind kind) => kind is DataTypeKind.Array or DataTypeKind.Map or DataTypeKind.Struct;

    private static bool Widens(ColumnType from, ColumnType to) => (from.Kind, to.Kind) switch
    {
        (DataTypeKind.Byte, DataTypeKind.Short or DataTypeKind.Integer or DataTypeKind.Long or DataTypeKind.Float or DataTypeKind.Double) => true,
        (DataTypeKind.Short, DataTypeKind.Integer or DataTypeKind.Long or DataTypeKind.Float or DataTypeKind.Double) => true,
        (DataTypeKind.Integer, DataTypeKind.Long or DataTypeKind.Float or DataTypeKind.Double) => true,
        (DataTypeKind.Long, DataTypeKind.Float or DataTypeKind.Double) => true,
        (DataTypeKind.Float, DataTypeKind.Double) => true,
        (DataTypeKind.Decimal, DataTypeKind.Double) => true,
        (DataTypeKind.Byte or DataTypeKind.Short or DataTypeKind.Integer or DataTypeKind.Long, DataTypeKind.Decimal) =>
            to.Precision - to.Scale >= IntegralDigits(from.Kind),
        (DataTypeKind.Decimal, DataTypeKind.Decimal) => to.Scale >= from.Scale && to.Precision - to.Scale >= from.Precision - from.Scale,
        _ => false,
    };

    /// <summary>The digits of the largest value of an integral type (Spark's decimal for it).</summary>
    private static int IntegralDigits(DataTypeKind kind) => kind switch
    {
        DataTypeKind.Byte => 3,
        DataTypeKind.Short => 5,
        DataTypeKind.Integer => 10,
        _ => 20,
    };

    public static ColumnType Decimal(int precision, int scale) =>
        new(DataTypeKind.Decimal, "", precision, scale, null, EquatableArray<ColumnModel>.Empty);

    /// <summary>A small recursive-descent parser of one type; errors are <see cref="FormatException"/>s.</summary>
    private sealed class TypeParser
    {
        private readonly string _text;
        private int _position;

        public TypeParser(string text) => _text = text;

        public bool AtEnd => _position >= _text.Length;

        public ColumnType Type()
        {
            SkipSpace();
            var start = _position;
            var word = Word().ToLowerInvariant();
            switch (word)
            {
                case "string": return ColumnType.Of(DataTypeKind.String);
                case "varchar":
                case "char":
                    SkipSpace();
                    if (TryConsume('('))
                    {
                        Number();
                        Expect(')');
                    }
                    return ColumnType.Of(DataTypeKind.String);
                case "boolean": case "bool": return ColumnType.Of(DataTypeKind.Boolean);
                case "tinyint": case "byte": return ColumnType.Of(DataTypeKind.Byte);
                case "smallint": case "short": return ColumnType.Of(DataTypeKind.Short);
                case "int": case "integer": return ColumnType.Of(DataTypeKind.Integer);
                case "bigint": case "long": return ColumnType.Of(DataTypeKind.Long);
                case "float": case "real": return ColumnType.Of(DataTypeKind.Float);
                case "double": return ColumnType.Of(DataTypeKind.Double);
                case "date": return ColumnType.Of(DataTypeKind.Date);
                case "timestamp": case "timestamp_ltz": return ColumnType.Of(DataTypeKind.Timestamp);
                case "timestamp_ntz": return ColumnType.Of(DataTypeKind.TimestampNtz);
                case "binary": return ColumnType.Of(DataTypeKind.Binary);
                case "decimal":
                case "dec":
                case "numeric":
                {
                    SkipSpace();
                    if (!TryConsume('(')) return Decimal(10, 0);
                    var precision = Number();
                    var scale = 0;
                    SkipSpace();
                    if (TryConsume(',')) scale = Number();
                    Expect(')');
                    if (precision < 1 || precision > 38) throw Fail($"a decimal's precision is 1 to 38, not {precision}");
                    if (scale > precision) throw Fail($"a decimal's scale ({scale}) can't exceed its precision ({precision})");
                    return Decimal(precision, scale);
                }
                case "array":
                {
                    Expect('<');
                    var element = Type();
                    Expect('>');
                    return new ColumnType(DataTypeKind.Array, "", 0, 0, element, EquatableArray<ColumnModel>.Empty);
                }
                case "map":
                {
                    Expect('<');
                    var key = Type();
                    Expect(',');
                    var value = Type();
                    Expect('>');
                    return new ColumnType(DataTypeKind.Map, "", 0, 0, value, EquatableArray<ColumnModel>.Empty,
                        key.Kind == DataTypeKind.String ? null : key);
                }
                case "struct":
                {
                    Expect('<');
                    var fields = new List<ColumnModel>();
                    SkipSpace();
                    if (!TryConsume('>'))
                    {
                        do fields.Add(Field(allowColon: true));
                        while (TryConsumeAfterSpace(','));
                        Expect('>');
                    }
                    return new ColumnType(DataTypeKind.Struct, "", 0, 0, null, fields.ToEquatableArray());
                }
                case "":
                    throw Fail("expected a data type");
                default:
                    _position = start;
                    throw Fail($"'{word}' is not a Spark data type (string, int, bigint, double, decimal(p,s), date, timestamp, boolean, binary, array<T>, map<K,V>, struct<...>)");
            }
        }

        public ColumnModel Field(bool allowColon)
        {
            var name = Identifier();
            SkipSpace();
            if (allowColon) TryConsume(':');
            var type = Type();
            var nullable = true;
            while (true)
            {
                SkipSpace();
                if (TryKeyword("NOT"))
                {
                    if (!TryKeyword("NULL")) throw Fail("expected NULL after NOT");
                    nullable = false;
                }
                else if (TryKeyword("COMMENT"))
                {
                    SkipString();
                }
                else break;
            }
            return new ColumnModel(name, "", type, nullable);
        }

        private string Identifier()
        {
            SkipSpace();
            if (!TryConsume('`'))
            {
                var word = Word();
                if (word.Length == 0) throw Fail("expected a field name");
                return word;
            }
            var name = new System.Text.StringBuilder();
            while (!AtEnd)
            {
                var c = _text[_position++];
                if (c != '`') name.Append(c);
                else if (!AtEnd && _text[_position] == '`') name.Append(_text[_position++]);
                else return name.ToString();
            }
            throw Fail("a back-quoted name is not closed");
        }

        private void SkipString()
        {
            SkipSpace();
            if (AtEnd || _text[_position] is not ('\'' or '"')) throw Fail("expected a quoted comment");
            var quote = _text[_position++];
            while (!AtEnd)
            {
                var c = _text[_position++];
                if (c == '\\') _position++;
                else if (c == quote) return;
            }
            throw Fail("a quoted comment is not closed");
        }

        private string Word()
        {
            var start = _position;
            while (!AtEnd && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_')) _position++;
            return _text.Substring(start, _position - start);
        }

        private int Number()
        {
            SkipSpace();
            var start = _position;
            while (!AtEnd && char.IsDigit(_text[_position])) _position++;
            if (start == _position || !int.TryParse(_text.Substring(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw Fail("expected a number");
            return number;
        }

        private bool TryKeyword(string keyword)
        {
            var start = _position;
            SkipSpace();
            if (string.Equals(Word(), keyword, StringComparison.OrdinalIgnoreCase)) return true;
            _position = start;
            return false;
        }

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(_text[_position])) _position++;
        }

        private bool TryConsume(char c)
        {
            if (AtEnd || _text[_position] != c) return false;
            _position++;
            return true;
        }

        public bool TryConsumeAfterSpace(char c)
        {
            SkipSpace();
            return TryConsume(c);
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (!TryConsume(c)) throw Fail($"expected '{c}'");
        }

        public FormatException Fail(string message) => new(message + " at position " + (_position + 1));
    }
}

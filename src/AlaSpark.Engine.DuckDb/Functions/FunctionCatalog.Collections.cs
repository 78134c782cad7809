using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Functions;

internal static partial class FunctionCatalog
{
    private static void AddCollections(Adder add, Aliaser alias)
    {
        const string cat = "arrays, maps, structs and JSON";
        add(cat, "array", 0, Many, c =>
        {
            if (c.Count == 0) return c.Result("CAST([] AS INTEGER[])", new ArrayType(NullType.Instance), false);
            var type = Numeric.Common(c.Args.Select(a => a.Type));
            if (type is NullType) type = StringType.Instance;
            return c.Result($"[{string.Join(", ", c.Args.Select(a => Coerce(a, type)))}]", new ArrayType(type), false);
        });
        add(cat, "size", 1, 1, c =>
        {
            var value = c.Arg(0);
            var length = value.Type switch
            {
                ArrayType => $"len({value.Sql})",
                MapType => $"cardinality({value.Sql})",
                NullType => "NULL",
                _ => throw c.TypeError(value, "an array or a map"),
            };
            // Spark 4: size(NULL) is NULL under ANSI; -1 otherwise (spark.sql.legacy.sizeOfNull).
            var whenNull = c.Ansi ? "NULL" : "-1";
            return c.Result($"CAST(CASE WHEN {value.Sql} IS NULL THEN {whenNull} ELSE {length} END AS INTEGER)", IntegerType.Instance, c.Ansi && value.Nullable);
        });
        alias("cardinality", "size");
        add(cat, "array_contains", 2, 2, c =>
        {
            var (array, value) = (Array(c, 0), c.Arg(1));
            return c.Result(
                $"CASE WHEN {array.Sql} IS NULL OR {value.Sql} IS NULL THEN NULL WHEN list_contains({array.Sql}, {value.Sql}) THEN true " +
                $"WHEN len(list_filter({array.Sql}, e -> e IS NULL)) > 0 THEN NULL ELSE false END", BooleanType.Instance);
        });
        add(cat, "element_at", 2, 2, c =>
        {
            var container = c.Arg(0);
            if (container.Type is MapType m) return c.Result($"map_extract_value({container.Sql}, {c.Arg(1).Sql})", m.ValueType, true);
            var at = Array(c, 0);
            var i = c.Arg(1).Sql;
            var element = ((ArrayType)at.Type).ElementType;
            var outOfRange = c.Ansi
                ? $"error('[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index ' || {i} || ' is out of bounds. The array has ' || len({at.Sql}) || ' elements. Use try_element_at to tolerate it.')"
                : "NULL";
            return c.Result(
                $"CASE WHEN {at.Sql} IS NULL OR {i} IS NULL THEN NULL WHEN {i} = 0 THEN error('[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).') " +
                $"WHEN abs({i}) > len({at.Sql}) THEN {outOfRange} ELSE {at.Sql}[{i}] END", element, true);
        });
        add(cat, "array_join", 2, 3, c =>
        {
            var a = Array(c, 0);
            var elements = c.Count == 3
                ? $"list_transform({a.Sql}, e -> coalesce(CAST(e AS VARCHAR), {c.String(2)}))"
                : $"list_filter(list_transform({a.Sql}, e -> CAST(e AS VARCHAR)), e -> e IS NOT NULL)";
            return c.Result($"array_to_string({elements}, {c.String(1)})", StringType.Instance);
        });
        add(cat, "array_distinct", 1, 1, c =>
        {
            var a = Array(c, 0);
            // Keeps the first occurrence of each value, nulls included, in order (as Spark does).
            return c.Result(
                $"[{a.Sql}[i] FOR i IN range(1, len({a.Sql}) + 1) IF (CASE WHEN {a.Sql}[i] IS NULL THEN len(list_filter({a.Sql}[1:i-1], e -> e IS NULL)) = 0 ELSE list_position({a.Sql}, {a.Sql}[i]) = i END)]",
                a.Type);
        });
        add(cat, "sort_array", 1, 2, c =>
        {
            var a = Array(c, 0);
            var asc = c.Count == 1 || c.Arg(1).Sql == "true";
            return c.Result($"list_sort({a.Sql}, '{(asc ? "ASC" : "DESC")}', '{(asc ? "NULLS FIRST" : "NULLS LAST")}')", a.Type);
        });
        add(cat, "array_min", 1, 1, c => c.Result($"list_min({Array(c, 0).Sql})", ((ArrayType)Array(c, 0).Type).ElementType, true));
        add(cat, "array_max", 1, 1, c => c.Result($"list_max({Array(c, 0).Sql})", ((ArrayType)Array(c, 0).Type).ElementType, true));
        add(cat, "slice", 3, 3, c =>
        {
            var a = Array(c, 0);
            var (start, length) = (c.Arg(1).Sql, c.Arg(2).Sql);
            // Spark: start 0 and a negative length are errors, with ANSI on or off.
            var from = $"(CASE WHEN {start} > 0 THEN {start} ELSE len({a.Sql}) + {start} + 1 END)";
            return c.Result(
                $"CASE WHEN {start} = 0 THEN error('[INVALID_PARAMETER_VALUE.START] The value of parameter(s) `start` in `slice` is invalid: Expects a positive or a negative value for `start`, but got 0.') " +
                $"WHEN {length} < 0 THEN error('[INVALID_PARAMETER_VALUE.LENGTH] The value of parameter(s) `length` in `slice` is invalid: Expects `length` greater than or equal to 0, but got ' || {length} || '.') " +
                $"WHEN {from} < 1 THEN CAST([] AS {TypeMapping.ToDuckDb(a.Type)}) ELSE {a.Sql}[{from}:{from} + {length} - 1] END", a.Type);
        });
        // Spark: NULL when one of the inner arrays is NULL (DuckDB would skip it).
        add(cat, "flatten", 1, 1, c => c.Result(
            $"CASE WHEN list_bool_or(list_transform({Array(c, 0).Sql}, __inner -> __inner IS NULL)) THEN NULL ELSE flatten({Array(c, 0).Sql}) END",
            ((ArrayType)Array(c, 0).Type).ElementType));
        add(cat, "arrays_zip", 0, Many, ArraysZip);
        add(cat, "sequence", 2, 3, c =>
        {
            if (c.Arg(0).Type is DateType or TimestampType or TimestampNtzType)
                return DateSequence(c);
            var type = Numeric.Common([c.Arg(0).Type, c.Arg(1).Type]);
            var (start, stop) = (c.Arg(0).Sql, c.Arg(1).Sql);
            var step = c.Count == 3 ? c.Arg(2).Sql : $"CASE WHEN {start} <= {stop} THEN 1 ELSE -1 END";
            var series = $"CAST(generate_series({start}, {stop}, {step}) AS {TypeMapping.ToDuckDb(type)}[])";
            if (c.Count == 2) return c.Result(series, new ArrayType(type));
            // Spark: a step that doesn't lead from start to stop fails (its `require`).
            return c.Result(
                $"CASE WHEN ({step} > 0 AND {start} <= {stop}) OR ({step} < 0 AND {start} >= {stop}) OR ({step} = 0 AND {start} = {stop}) THEN {series} " +
                $"ELSE error('requirement failed: Illegal sequence boundaries: ' || {start} || ' to ' || {stop} || ' by ' || {step}) END", new ArrayType(type));
        });
        add(cat, "transform", 2, 2, c =>
        {
            var a = Array(c, 0);
            var lambda = Lambda(c, 1, ((ArrayType)a.Type).ElementType);
            return c.Result($"list_transform({a.Sql}, {lambda.Sql})", new ArrayType(lambda.Type), a.Nullable);
        });
        add(cat, "filter", 2, 2, c =>
        {
            var a = Array(c, 0);
            var lambda = Lambda(c, 1, ((ArrayType)a.Type).ElementType);
            return c.Result($"list_filter({a.Sql}, {lambda.Sql})", a.Type, a.Nullable);
        });
        add(cat, "explode", 1, 1, c => Explode(c, outer: false));
        add(cat, "explode_outer", 1, 1, c => Explode(c, outer: true));
        add(cat, "map", 0, Many, c =>
        {
            if (c.Count % 2 != 0) throw new AlaSparkException("map() takes an even number of arguments: key, value, key, value...");
            var keys = Enumerable.Range(0, c.Count / 2).Select(i => c.Arg(2 * i)).ToList();
            var values = Enumerable.Range(0, c.Count / 2).Select(i => c.Arg(2 * i + 1)).ToList();
            var keyType = Numeric.Common(keys.Select(k => k.Type));
            var valueType = Numeric.Common(values.Select(v => v.Type));
            if (valueType is NullType) valueType = StringType.Instance;
            var keyList = $"[{string.Join(", ", keys.Select(k => Coerce(k, keyType)))}]";
            var map = $"MAP({keyList}, [{string.Join(", ", values.Select(v => Coerce(v, valueType)))}])";
            if (keys.Count == 0) return c.Result(map, new MapType(keyType, valueType), false);
            // Spark: a NULL key is NULL_MAP_KEY; a repeated key DUPLICATED_MAP_KEY (spark.sql.mapKeyDedupPolicy=EXCEPTION).
            return c.Result(
                $"CASE WHEN list_bool_or(list_transform({keyList}, __key -> __key IS NULL)) THEN error('[NULL_MAP_KEY] Cannot use null as map key.') " +
                $"WHEN len(list_distinct({keyList})) < {keys.Count} THEN error('[DUPLICATED_MAP_KEY] Duplicate map key was found in ' || {SqlText.String(Plan.ExpressionPrinter.Print(c.Function))} || ', please check the input data. " +
                "If you want to remove the duplicated keys, you can set spark.sql.mapKeyDedupPolicy to \"LAST_WIN\" so that the key inserted at last takes precedence.') " +
                $"ELSE {map} END", new MapType(keyType, valueType), false);
        });
        add(cat, "map_keys", 1, 1, c => c.Arg(0).Type is MapType m
            ? c.Result($"map_keys({c.Arg(0).Sql})", new ArrayType(m.KeyType))
            : throw c.TypeError(c.Arg(0), "a map"));
        add(cat, "map_values", 1, 1, c => c.Arg(0).Type is MapType m
            ? c.Result($"map_values({c.Arg(0).Sql})", new ArrayType(m.ValueType))
            : throw c.TypeError(c.Arg(0), "a map"));
        add(cat, "named_struct", 2, Many, c =>
        {
            if (c.Count % 2 != 0) throw new AlaSparkException("named_struct() takes pairs of a field name and a value.");
            var fields = Enumerable.Range(0, c.Count / 2).Select(i => (Name: c.LiteralString(2 * i, "field name"), Value: c.Arg(2 * i + 1))).ToList();
            return StructOf(c, fields);
        });
        add(cat, "struct", 1, Many, c =>
        {
            var fields = Enumerable.Range(0, c.Count).Select(i => (Name: c.Raw(i) switch
            {
                Alias a => a.Name,
                UnresolvedAttribute a => a.NameParts[^1],
                _ => $"col{i + 1}",
            }, Value: c.Arg(i))).ToList();
            return StructOf(c, fields);
        });
        add(cat, "to_json", 1, 2, c => c.Result(Json.Serialize(c.Arg(0).Sql, c.Arg(0).Type, 0, JsonOptions.Of(c, 1)), StringType.Instance));
        add(cat, "from_json", 2, 3, c =>
        {
            var schemaText = c.LiteralString(1, "schema");
            DataType schema;
            try { schema = schemaText.TrimStart().StartsWith('{') ? StructType.FromJson(schemaText) : StructType.FromDdl(schemaText); }
            catch (AlaSparkException) { schema = DataType.Parse(schemaText); }
            var json = c.String(0);
            var options = JsonOptions.Of(c, 2);
            var parsed = $"json_transform({json}, {SqlText.String(Json.Structure(schema, options))})";
            // Spark 3+ (PERMISSIVE): a malformed record gives a struct of nulls, not NULL.
            var malformed = schema is StructType ? $"CAST(struct_pack({string.Join(", ", ((StructType)schema).Fields.Select(f => $"{SqlText.Ident(f.Name)} := NULL"))}) AS {TypeMapping.ToDuckDb(schema)})" : "NULL";
            return c.Result($"CASE WHEN {json} IS NULL THEN NULL WHEN json_valid({json}) THEN {Json.Convert(parsed, schema, options, 0)} ELSE {malformed} END", schema, true);
        });
        add(cat, "get_json_object", 2, 2, c =>
        {
            var json = c.String(0);
            return c.Result($"CASE WHEN json_valid({json}) THEN json_extract_string({json}, {c.String(1)}) END", StringType.Instance, true);
        });
    }

    /// <summary>
    /// Spark's arrays_zip: an array of structs whose i-th struct holds the i-th element of each
    /// array (null past an array's end), as long as the longest array; NULL when an array is NULL.
    /// Fields are named after the arguments that are columns, else by position ("0", "1", ...).
    /// </summary>
    private static TypedSql ArraysZip(FunctionContext c)
    {
        if (c.Count == 0) return c.Result("[]", new ArrayType(new StructType([])), false);
        var fields = new List<StructField>();
        var values = new List<(string Name, string Sql)>();
        for (var i = 0; i < c.Count; i++)
        {
            var a = c.Arg(i);
            if (a.Type is not (ArrayType or NullType)) throw c.TypeError(a, "arrays");
            var name = (c.Raw(i) is Alias al ? al.Child : c.Raw(i)) is UnresolvedAttribute attribute ? attribute.NameParts[^1] : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields.Add(new StructField(name, a.Type is ArrayType at ? at.ElementType : NullType.Instance));
            values.Add((name, a.Sql));
        }
        var anyNull = string.Join(" OR ", values.Select(v => $"({v.Sql}) IS NULL"));
        var longest = values.Count == 1 ? $"len({values[0].Sql})" : $"greatest({string.Join(", ", values.Select(v => $"len({v.Sql})"))})";
        var element = "struct_pack(" + string.Join(", ", values.Select(v => $"{SqlText.Ident(v.Name)} := ({v.Sql})[__zip_i]")) + ")";
        if (c.Args.Any(a => a.Type is NullType))
            return c.Result($"CAST(NULL AS {TypeMapping.ToDuckDb(new ArrayType(new StructType(fields)))})", new ArrayType(new StructType(fields)), true);
        return c.Result($"CASE WHEN {anyNull} THEN NULL ELSE [{element} FOR __zip_i IN range(1, {longest} + 1)] END", new ArrayType(new StructType(fields)));
    }

    /// <summary>sequence over dates or timestamps: the step is an interval (one day by default).</summary>
    private static TypedSql DateSequence(FunctionContext c)
    {
        var type = c.Arg(0).Type is DateType && c.Arg(1).Type is DateType ? (DataType)DateType.Instance : TimestampType.Instance;
        string step;
        if (c.Count == 2) step = "INTERVAL 1 DAY";
        else if ((c.Raw(2) is Alias a ? a.Child : c.Raw(2)) is UnresolvedFunction { Name: "interval", Arguments: [Literal { Value: string text }] })
            step = $"CAST({SqlText.String(text)} AS INTERVAL)";
        else
            throw new AlaSparkException($"sequence() over {c.Arg(0).Type.SimpleString} values takes an INTERVAL literal as its step, such as INTERVAL 1 MONTH.");
        var series = $"generate_series(CAST({c.Arg(0).Sql} AS TIMESTAMP), CAST({c.Arg(1).Sql} AS TIMESTAMP), {step})";
        return c.Result($"CAST({series} AS {TypeMapping.ToDuckDb(type)}[])", new ArrayType(type), c.Arg(0).Nullable || c.Arg(1).Nullable);
    }

    private static TypedSql Array(FunctionContext c, int index)
    {
        var value = c.Arg(index);
        return value.Type is ArrayType ? value : throw c.TypeError(value, "an array");
    }

    private static TypedSql Lambda(FunctionContext c, int index, DataType elementType) =>
        c.Raw(index) is LambdaFunction lambda
            ? c.Compiler.Lambda(lambda, [elementType], c.Scope, withIndex: true)
            : throw new AlaSparkException($"The argument {index + 1} of {c.Name}() must be a lambda such as x -> x + 1.");

    private static TypedSql Explode(FunctionContext c, bool outer)
    {
        var value = c.Arg(0);
        if (value.Type is not ArrayType array)
            throw new AlaSparkException($"[DATATYPE_MISMATCH] {c.Name}() on {value.Type.SimpleString} is not supported by the embedded engine; it explodes arrays.");
        var source = outer
            ? $"CASE WHEN {value.Sql} IS NULL OR len({value.Sql}) = 0 THEN CAST([NULL] AS {TypeMapping.ToDuckDb(array)}) ELSE {value.Sql} END"
            : value.Sql;
        return new TypedSql($"unnest({source})", array.ElementType) { IsGenerator = true };
    }

    private static TypedSql StructOf(FunctionContext c, List<(string Name, TypedSql Value)> fields)
    {
        var sql = "struct_pack(" + string.Join(", ", fields.Select(f => $"{SqlText.Ident(f.Name)} := {f.Value.Sql}")) + ")";
        return c.Result(sql, new StructType(fields.Select(f => new StructField(f.Name, f.Value.Type, f.Value.Nullable))), false);
    }
}

/// <summary>The options of to_json/from_json that the engine follows: Spark's timestampFormat and dateFormat.</summary>
internal sealed record JsonOptions(string? TimestampFormat, string? DateFormat)
{
    public static readonly JsonOptions None = new(null, null);

    /// <summary>Reads the options argument, a literal <c>map('key', 'value', ...)</c>.</summary>
    public static JsonOptions Of(FunctionContext c, int index)
    {
        if (c.Count <= index) return None;
        var raw = c.Raw(index) is Alias a ? a.Child : c.Raw(index);
        if (raw is not UnresolvedFunction { Name: "map" } map || map.Arguments.Count % 2 != 0 ||
            map.Arguments.Any(x => x is not Literal { Value: string }))
            throw new AlaSparkException($"The options of {c.Name}() must be a literal map('key', 'value', ...).");
        var options = None;
        for (var i = 0; i < map.Arguments.Count; i += 2)
        {
            var (key, value) = ((string)((Literal)map.Arguments[i]).Value!, (string)((Literal)map.Arguments[i + 1]).Value!);
            options = key.ToLowerInvariant() switch
            {
                "timestampformat" => options with { TimestampFormat = value },
                "dateformat" => options with { DateFormat = value },
                _ => throw new AlaSparkException($"The option '{key}' of {c.Name}() is not supported by the embedded engine; it supports timestampFormat and dateFormat."),
            };
        }
        return options;
    }
}

/// <summary>JSON in Spark's format: <c>to_json</c> omits null fields, writes timestamps as
/// <c>yyyy-MM-dd'T'HH:mm:ss.SSSXXX</c>; <c>from_json</c> structures for DuckDB's json_transform.</summary>
internal static class Json
{
    public static string Serialize(string sql, DataType type, int depth, JsonOptions options)
    {
        var v = $"__json_{depth}";
        switch (type)
        {
            case StructType st:
            {
                var fields = st.Fields.Select(f =>
                {
                    var field = $"struct_extract({sql}, {SqlText.String(f.Name)})";
                    var key = SqlText.String(System.Text.Json.JsonSerializer.Serialize(f.Name) + ":");
                    return $"CASE WHEN {field} IS NOT NULL THEN {key} || {Serialize(field, f.DataType, depth + 1, options)} END";
                });
                return $"CASE WHEN {sql} IS NULL THEN NULL ELSE '{{' || concat_ws(',', {string.Join(", ", fields)}) || '}}' END";
            }
            case ArrayType at:
                return $"CASE WHEN {sql} IS NULL THEN NULL ELSE '[' || array_to_string(list_transform({sql}, {v} -> coalesce({Serialize(v, at.ElementType, depth + 1, options)}, 'null')), ',') || ']' END";
            case MapType mt:
            {
                // Spark writes a key as its text; a struct key as its row text, [1,a].
                var key = mt.KeyType is StructType kt
                    ? "'[' || " + string.Join(" || ',' || ", kt.Fields.Select(f => $"coalesce({CastCompiler.ToText($"struct_extract({v}.key, {SqlText.String(f.Name)})", f.DataType)}, 'null')")) + " || ']'"
                    : CastCompiler.ToText($"{v}.key", mt.KeyType);
                return $"CASE WHEN {sql} IS NULL THEN NULL ELSE '{{' || array_to_string(list_transform(map_entries({sql}), {v} -> CAST(to_json({key}) AS VARCHAR) || ':' || coalesce({Serialize(v + ".value", mt.ValueType, depth + 1, options)}, 'null')), ',') || '}}' END";
            }
            case StringType:
                return $"CAST(to_json({sql}) AS VARCHAR)";
            case DateType:
                return $"('\"' || strftime({sql}, {SqlText.String(options.DateFormat is { } df ? JavaDateTimePattern.ToStrftime(df) : "%Y-%m-%d")}) || '\"')";
            case TimestampType when options.TimestampFormat is { } tf:
                return $"CAST(to_json(strftime({sql}, {SqlText.String(JavaDateTimePattern.ToStrftime(tf))})) AS VARCHAR)";
            case TimestampType:
                return $"('\"' || strftime({sql}, '%Y-%m-%dT%H:%M:%S.%g') || 'Z\"')";
            case TimestampNtzType:
                return $"('\"' || strftime({sql}, '%Y-%m-%dT%H:%M:%S.%g') || '\"')";
            case BooleanType:
                return $"CASE WHEN {sql} THEN 'true' ELSE 'false' END";
            case BinaryType:
                return $"('\"' || to_base64({sql}) || '\"')";
            case DoubleType or FloatType:
                return $"CASE WHEN isnan({sql}) OR isinf({sql}) THEN '\"' || {CastCompiler.ToText(sql, type)} || '\"' ELSE {CastCompiler.ToText(sql, type)} END";
            default:
                return $"CAST({sql} AS VARCHAR)";
        }
    }

    /// <summary>The structure argument of DuckDB's json_transform for a Spark type. Dates and
    /// timestamps with a format option are read as text and parsed by <see cref="Convert"/>.</summary>
    public static string Structure(DataType type, JsonOptions options) => type switch
    {
        StructType st => "{" + string.Join(",", st.Fields.Select(f => System.Text.Json.JsonSerializer.Serialize(f.Name) + ":" + Structure(f.DataType, options))) + "}",
        ArrayType at => "[" + Structure(at.ElementType, options) + "]",
        TimestampType or TimestampNtzType when options.TimestampFormat is not null => "\"VARCHAR\"",
        DateType when options.DateFormat is not null => "\"VARCHAR\"",
        MapType mt => System.Text.Json.JsonSerializer.Serialize($"MAP({TypeMapping.ToDuckDb(mt.KeyType)}, {TypeMapping.ToDuckDb(mt.ValueType)})"),
        _ => "\"" + TypeMapping.ToDuckDb(type) + "\"",
    };

    /// <summary>Parses the dates and timestamps that <see cref="Structure"/> left as text.</summary>
    public static string Convert(string sql, DataType type, JsonOptions options, int depth)
    {
        if (options == JsonOptions.None || !HasFormattedValue(type, options)) return sql;
        var v = $"__json_{depth}";
        return type switch
        {
            StructType st => $"CASE WHEN {sql} IS NULL THEN NULL ELSE struct_pack(" + string.Join(", ", st.Fields.Select(f =>
                $"{SqlText.Ident(f.Name)} := {Convert($"struct_extract({sql}, {SqlText.String(f.Name)})", f.DataType, options, depth + 1)}")) + ") END",
            ArrayType at => $"list_transform({sql}, {v} -> {Convert(v, at.ElementType, options, depth + 1)})",
            TimestampType or TimestampNtzType => $"CAST(try_strptime({sql}, {SqlText.String(JavaDateTimePattern.ToStrftime(options.TimestampFormat!))}) AS TIMESTAMP)",
            DateType => $"CAST(try_strptime({sql}, {SqlText.String(JavaDateTimePattern.ToStrftime(options.DateFormat!))}) AS DATE)",
            _ => sql,
        };
    }

    private static bool HasFormattedValue(DataType type, JsonOptions options) => type switch
    {
        StructType st => st.Fields.Any(f => HasFormattedValue(f.DataType, options)),
        ArrayType at => HasFormattedValue(at.ElementType, options),
        MapType mt => HasFormattedValue(mt.ValueType, options) ? throw new AlaSparkException("from_json() with a date or timestamp format option can't read maps of dates or timestamps in the embedded engine.") : false,
        TimestampType or TimestampNtzType => options.TimestampFormat is not null,
        DateType => options.DateFormat is not null,
        _ => false,
    };
}

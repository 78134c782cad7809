using AlaSpark.Engine.DuckDb.Functions;
using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Compilation;

/// <summary>Compiles plan expressions to DuckDB SQL with Spark's semantics, typing them as it goes.</summary>
internal sealed class ExpressionCompiler
{
    private readonly EngineSettings _settings;
    private readonly Dictionary<string, string> _lambdaVariables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DataType> _lambdaTypes = new(StringComparer.OrdinalIgnoreCase);

    public ExpressionCompiler(EngineSettings settings) => _settings = settings;

    public bool Ansi => _settings.AnsiEnabled;

    /// <summary>The secrets the compiled SQL reads (as DuckDB variables); the engine sets them before running it.</summary>
    public HashSet<string> RequiredSecrets { get; } = new(StringComparer.Ordinal);

    /// <summary>SQL that reads a secret without containing it.</summary>
    public string SecretReference(string name)
    {
        if (_settings.Secret(name) is null)
            throw new AlaSparkException($"The secret '{name}' is not configured. For the hash salt, set 'hash_salt_env' in the job's config to the name of an environment variable that holds it.");
        RequiredSecrets.Add(name);
        return $"getvariable({SqlText.String(SecretVariable(name))})";
    }

    public static string SecretVariable(string name) => "alaspark_secret_" + name;

    public TypedSql Compile(Expression expression, Scope scope) => expression switch
    {
        Alias a => Compile(a.Child, scope),
        Literal l => new TypedSql(SqlText.Literal(l.Value, l.Type), l.Type, l.Value is null),
        UnresolvedAttribute a => Attribute(a, scope),
        Cast c => CastCompiler.Cast(Compile(c.Child, scope), c.Type, c.Try ? CastMode.Try : Ansi ? CastMode.Ansi : CastMode.Legacy),
        UnresolvedFunction f => Function(f, scope),
        UnresolvedExtractValue e => Extract(Compile(e.Child, scope), e.Extraction, scope),
        LambdaVariable v => _lambdaVariables.TryGetValue(v.Name, out var sql)
            ? new TypedSql(sql, _lambdaTypes[v.Name])
            : throw new AlaSparkException($"The lambda variable '{v.Name}' is used outside its lambda."),
        SortOrder s => Compile(s.Child, scope),
        ExpressionString s => throw new AlaSparkException(
            $"The expression \"{s.Sql}\" arrived as text; parse it with SparkSqlParser before compiling."),
        UnresolvedStar => throw new AlaSparkException("'*' is only allowed in a select list or in count(*)."),
        LambdaFunction => throw new AlaSparkException("A lambda is only allowed as an argument of a higher-order function."),
        _ => throw new AlaSparkException($"The expression {expression.GetType().Name} is not supported by the embedded engine."),
    };

    /// <summary>Compiles a lambda argument: binds its parameters to the given element types. With
    /// <paramref name="withIndex"/>, the lambda may take one more parameter, Spark's 0-based index of
    /// the element (DuckDB's lambdas count from 1).</summary>
    public TypedSql Lambda(LambdaFunction lambda, IReadOnlyList<DataType> parameterTypes, Scope scope, bool withIndex = false)
    {
        var indexed = withIndex && lambda.Parameters.Count == parameterTypes.Count + 1;
        if (lambda.Parameters.Count != parameterTypes.Count && !indexed)
            throw new AlaSparkException($"The lambda takes {lambda.Parameters.Count} parameter(s); {parameterTypes.Count}{(withIndex ? $" or {parameterTypes.Count + 1} (with the index)" : "")} expected.");
        var names = lambda.Parameters.Select((p, i) => $"__lambda_{_lambdaVariables.Count + i}").ToList();
        for (var i = 0; i < names.Count; i++)
        {
            var isIndex = indexed && i == names.Count - 1;
            _lambdaVariables[lambda.Parameters[i]] = isIndex ? $"CAST({names[i]} - 1 AS INTEGER)" : names[i];
            _lambdaTypes[lambda.Parameters[i]] = isIndex ? IntegerType.Instance : parameterTypes[i];
        }
        try
        {
            var body = Compile(lambda.Body, scope);
            var head = names.Count == 1 ? names[0] : "(" + string.Join(", ", names) + ")";
            return body with { Sql = $"{head} -> {body.Sql}" };
        }
        finally
        {
            foreach (var p in lambda.Parameters) { _lambdaVariables.Remove(p); _lambdaTypes.Remove(p); }
        }
    }

    private TypedSql Attribute(UnresolvedAttribute attribute, Scope scope)
    {
        var parts = attribute.NameParts;
        if (parts.Count == 1 && _lambdaVariables.TryGetValue(parts[0], out var lambdaSql))
            return new TypedSql(lambdaSql, _lambdaTypes[parts[0]]);
        var found = scope.Find(parts) ?? throw scope.Unresolved(attribute.Name);
        var result = new TypedSql(found.SqlRef, found.Column.Type, found.Column.Nullable);
        for (var i = found.PartsUsed; i < parts.Count; i++)
            result = Extract(result, new Literal(parts[i], StringType.Instance), scope);
        return result;
    }

    private TypedSql Extract(TypedSql child, Expression extraction, Scope scope)
    {
        switch (child.Type)
        {
            case StructType st when extraction is Literal { Value: string field }:
            {
                var f = st.Find(field) ?? throw new AlaSparkException(
                    $"[FIELD_NOT_FOUND] No such struct field '{field}' in {st.SimpleString}.");
                return new TypedSql($"struct_extract({child.Sql}, {SqlText.String(f.Name)})", f.DataType);
            }
            case ArrayType at:
            {
                var index = Compile(extraction, scope);
                if (!index.Type.IsIntegral) throw new AlaSparkException($"An array index must be an integer, not {index.Type.SimpleString}.");
                // Spark's arr[i] is 0-based; DuckDB lists are 1-based.
                var element = $"({child.Sql})[({index.Sql}) + 1]";
                if (!Ansi) return new TypedSql(element, at.ElementType);
                return new TypedSql(
                    $"CASE WHEN {child.Sql} IS NULL OR ({index.Sql}) IS NULL THEN NULL WHEN ({index.Sql}) < 0 OR ({index.Sql}) >= len({child.Sql}) " +
                    $"THEN error('[INVALID_ARRAY_INDEX] The index ' || ({index.Sql}) || ' is out of bounds. The array has ' || len({child.Sql}) || ' elements. Use try_element_at or get to tolerate it.') ELSE {element} END",
                    at.ElementType);
            }
            case MapType mt:
            {
                var key = Compile(extraction, scope);
                return new TypedSql($"map_extract_value({child.Sql}, {key.Sql})", mt.ValueType);
            }
            default:
                throw new AlaSparkException($"Cannot extract '{ExpressionPrinter.Print(extraction)}' from a value of type {child.Type.SimpleString}.");
        }
    }

    private TypedSql Function(UnresolvedFunction function, Scope scope)
    {
        var definition = FunctionCatalog.Find(function.Name) ?? throw new AlaSparkException(
            $"[UNSUPPORTED_FUNCTION] The function '{function.Name}' is not supported by the embedded engine.{FunctionCatalog.UnsupportedHint(function.Name)} Supported functions are listed in docs/engines.md.");
        var count = function.Arguments.Count;
        if (count < definition.MinArgs || count > definition.MaxArgs)
        {
            var expected = definition.MinArgs == definition.MaxArgs ? $"{definition.MinArgs}"
                : definition.MaxArgs == int.MaxValue ? $"at least {definition.MinArgs}" : $"{definition.MinArgs} to {definition.MaxArgs}";
            throw new AlaSparkException(
                $"[WRONG_NUM_ARGS] The function '{function.Name}' takes {expected} argument(s), but {count} were given in {ExpressionPrinter.Print(function)}.");
        }
        var context = new FunctionContext(this, function, scope);
        return definition.Translate(context);
    }
}

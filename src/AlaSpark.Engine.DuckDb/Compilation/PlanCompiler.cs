using System.Text;
using AlaSpark.Engine.DuckDb.Functions;
using AlaSpark.Plan;
using AlaSpark.Types;


namespace AlaSpark.Engine.DuckDb.Compilation;

/// <summary>
/// Compiles a logical plan to one DuckDB query. Each relation becomes a SELECT over its input's
/// query; DuckDB's optimizer flattens the nesting. The schema of every relation is computed here,
/// in C#, so <see cref="DataFrame.Schema"/> never runs the query.
/// </summary>
internal sealed class PlanCompiler
{
    private readonly ExpressionCompiler _expressions;
    private readonly Func<Read, CompiledRelation> _compileRead;
    private int _aliasCounter;

    /// <param name="expressions">The expression compiler (holds the ANSI setting).</param>
    /// <param name="compileRead">Compiles a leaf that reads files or a table (the engine's scans).</param>
    public PlanCompiler(ExpressionCompiler expressions, Func<Read, CompiledRelation> compileRead)
    {
        _expressions = expressions;
        _compileRead = compileRead;
    }

    public ExpressionCompiler Expressions => _expressions;

    private string NextAlias() => $"_t{_aliasCounter++}";

    public CompiledRelation Compile(Relation relation) => relation switch
    {
        Read read => _compileRead(read),
        Project p => CompileProject(p),
        Filter f => CompileFilter(f),
        WithColumns w => CompileWithColumns(w),
        Drop d => CompileDrop(d),
        WithColumnsRenamed r => CompileRename(r),
        ToDF t => CompileToDF(t),
        Deduplicate d => CompileDeduplicate(d),
        Join j => CompileJoin(j),
        SetOperation s => CompileSetOperation(s),
        WithWatermark w => Compile(w.Input),
        Sort s => CompileSort(s),
        Limit l => CompileLimit(l),
        Aggregate a => CompileAggregate(a),
        LocalRelation l => CompileLocal(l),
        OneRowRelation => new CompiledRelation("SELECT 1 AS \"__one\"", []),
        SubqueryAlias a => WithQualifier(Compile(a.Input), a.Alias),
        Plan.Sql s => Compile(AlaSpark.Sql.SparkSqlParser.ParseQuery(s.Query)),
        _ => throw new AlaSparkException($"The relation {relation.GetType().Name} is not supported by the embedded engine."),
    };

    private static CompiledRelation WithQualifier(CompiledRelation relation, string qualifier) =>
        relation with { Columns = relation.Columns.Select(c => c with { Qualifier = qualifier }).ToList() };

    /// <summary>Names the columns of an output list uniquely (DuckDB compares names case-insensitively).</summary>
    private static List<ColumnBinding> Bind(IEnumerable<(string Name, TypedSql Value, string? Qualifier)> columns)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { CompiledRelation.InputFileColumn, "__one" };
        var result = new List<ColumnBinding>();
        foreach (var (name, value, qualifier) in columns)
        {
            var sqlName = name;
            for (var i = 2; !used.Add(sqlName); i++) sqlName = $"{name}#{i}";
            result.Add(new ColumnBinding(name, sqlName, value.Type, value.Nullable, qualifier));
        }
        return result;
    }

    private static string SelectList(IReadOnlyList<ColumnBinding> columns, IReadOnlyList<string> sql) =>
        string.Join(", ", columns.Select((c, i) => $"{sql[i]} AS {SqlText.Ident(c.SqlName)}"));

    private static string InputFile(CompiledRelation input, string alias) =>
        input.InputFileSqlName is null ? "" : $", {SqlText.Ident(alias)}.{SqlText.Ident(input.InputFileSqlName)} AS {SqlText.Ident(CompiledRelation.InputFileColumn)}";

    private static string? InputFileName(CompiledRelation input) => input.InputFileSqlName is null ? null : CompiledRelation.InputFileColumn;

    /// <summary>Spark's name for an unaliased expression; a cast of a column keeps the column's name.</summary>
    internal static string OutputName(Expression e) => e switch
    {
        Alias a => a.Name,
        Cast { Child: UnresolvedAttribute a } => a.NameParts[^1],
        UnresolvedExtractValue { Extraction: Literal { Value: string field } } => field,
        UnresolvedFunction { Name: "explode" or "explode_outer" } => "col",
        _ => ExpressionPrinter.Print(e),
    };

    private List<(string Name, TypedSql Value, string? Qualifier)> ExpandSelect(IEnumerable<Expression> expressions, Scope scope)
    {
        var items = new List<(string, TypedSql, string?)>();
        foreach (var e in expressions)
        {
            if (e is UnresolvedStar star)
            {
                var matched = scope.Entries.Where(x => star.Target is null || string.Equals(x.Column.Qualifier, star.Target, StringComparison.OrdinalIgnoreCase)).ToList();
                if (star.Target is not null && matched.Count == 0)
                    throw new AlaSparkException($"[CANNOT_RESOLVE_STAR_EXPAND] Cannot resolve '{star.Target}.*': no relation is named '{star.Target}'.");
                items.AddRange(matched.Select(x => (x.Column.Name, new TypedSql(x.SqlRef, x.Column.Type, x.Column.Nullable), x.Column.Qualifier)));
                continue;
            }
            var value = _expressions.Compile(e, scope);
            items.Add((OutputName(e), value, (string?)null));
        }
        return items;
    }

    private CompiledRelation CompileProject(Project project)
    {
        var input = Compile(project.Input);
        var alias = NextAlias();
        var scope = Scope.Of(input, alias);
        var items = ExpandSelect(project.Expressions, scope);
        if (items.Count(i => i.Value.IsGenerator) > 1)
            throw new AlaSparkException("[UNSUPPORTED_GENERATOR.MULTI_GENERATOR] Only one generator (explode) is allowed per select.");
        var aggregate = items.Any(i => i.Value.IsAggregate);
        var columns = Bind(items);
        var sql = $"SELECT {(columns.Count == 0 ? "1 AS \"__one\"" : SelectList(columns, items.Select(i => i.Value.Sql).ToList()))}" +
                  $"{(aggregate ? "" : InputFile(input, alias))}\nFROM ({SqlText.Indent("\n" + input.Sql)}\n) AS {SqlText.Ident(alias)}";
        return new CompiledRelation(sql, columns, aggregate ? null : InputFileName(input));
    }

    private CompiledRelation CompileFilter(Filter filter)
    {
        var input = Compile(filter.Input);
        var alias = NextAlias();
        var condition = _expressions.Compile(filter.Condition, Scope.Of(input, alias));
        if (condition.Type is not BooleanType and not NullType)
            throw new AlaSparkException($"[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] The filter condition {ExpressionPrinter.Print(filter.Condition)} is of type {condition.Type.SimpleString}, not boolean.");
        if (condition.IsAggregate)
            throw new AlaSparkException($"[INVALID_WHERE_CONDITION] The filter condition {ExpressionPrinter.Print(filter.Condition)} contains an aggregate; filter after grouping instead.");
        var sql = $"SELECT {string.Join(", ", input.PassThrough(alias))}\nFROM ({SqlText.Indent("\n" + input.Sql)}\n) AS {SqlText.Ident(alias)}\nWHERE {condition.Sql}";
        return input with { Sql = sql };
    }

    private CompiledRelation CompileWithColumns(WithColumns withColumns)
    {
        var input = Compile(withColumns.Input);
        var alias = NextAlias();
        var scope = Scope.Of(input, alias);
        var items = input.Columns
            .Select(c => (c.Name, new TypedSql($"{SqlText.Ident(alias)}.{SqlText.Ident(c.SqlName)}", c.Type, c.Nullable), c.Qualifier))
            .ToList();
        foreach (var a in withColumns.Aliases)
        {
            var value = _expressions.Compile(a.Child, scope);
            var index = items.FindIndex(i => string.Equals(i.Name, a.Name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0) items[index] = (a.Name, value, null);
            else items.Add((a.Name, value, null));
        }
        if (items.Count(i => i.Item2.IsGenerator) > 1)
            throw new AlaSparkException("[UNSUPPORTED_GENERATOR.MULTI_GENERATOR] Only one generator (explode) is allowed at a time.");
        var columns = Bind(items);
        var sql = $"SELECT {SelectList(columns, items.Select(i => i.Item2.Sql).ToList())}{InputFile(input, alias)}\nFROM ({SqlText.Indent("\n" + input.Sql)}\n) AS {SqlText.Ident(alias)}";
        return new CompiledRelation(sql, columns, InputFileName(input));
    }

    private CompiledRelation Reselect(CompiledRelation input, IReadOnlyList<(string Name, ColumnBinding Source)> columns)
    {
        var alias = NextAlias();
        var items = columns.Select(c => (c.Name, new TypedSql($"{SqlText.Ident(alias)}.{SqlText.Ident(c.Source.SqlName)}", c.Source.Type, c.Source.Nullable), c.Source.Qualifier)).ToList();
        var bound = Bind(items);
        var list = bound.Count == 0 ? "1 AS \"__one\"" : SelectList(bound, items.Select(i => i.Item2.Sql).ToList());
        var sql = $"SELECT {list}{InputFile(input, alias)}\nFROM ({SqlText.Indent("\n" + input.Sql)}\n) AS {SqlText.Ident(alias)}";
        return new CompiledRelation(sql, bound, InputFileName(input));
    }

    private CompiledRelation CompileDrop(Drop drop)
    {
        var input = Compile(drop.Input);
        var dropped = new HashSet<string>(drop.ColumnNames, StringComparer.OrdinalIgnoreCase);
        return Reselect(input, input.Columns.Where(c => !dropped.Contains(c.Name)).Select(c => (c.Name, c)).ToList());
    }

    private CompiledRelation CompileRename(WithColumnsRenamed rename)
    {
        var input = Compile(rename.Input);
        var columns = input.Columns.Select(c =>
        {
            var r = rename.Renames.FirstOrDefault(x => string.Equals(x.From, c.Name, StringComparison.OrdinalIgnoreCase));
            return (r?.To ?? c.Name, c);
        }).ToList();
        return Reselect(input, columns);
    }

    private CompiledRelation CompileToDF(ToDF toDf)
    {
        var input = Compile(toDf.Input);
        if (toDf.ColumnNames.Count != input.Columns.Count)
            throw new AlaSparkException($"toDF() got {toDf.ColumnNames.Count} names for {input.Columns.Count} columns ({string.Join(", ", input.Columns.Select(c => c.Name))}).");
        return Reselect(input, input.Columns.Select((c, i) => (toDf.ColumnNames[i], c)).ToList());
    }

    private CompiledRelation CompileDeduplicate(Deduplicate dedup)
    {
        var input = Compile(dedup.Input);
        var alias = NextAlias();
        var scope = Scope.Of(input, alias);
        var keys = dedup.ColumnNames.Count == 0
            ? input.Columns.ToList()
            : dedup.ColumnNames.Select(n => scope.Find([n])?.Column ?? throw scope.Unresolved(n)).ToList();
        string Ref(ColumnBinding c) => $"{SqlText.Ident(alias)}.{SqlText.Ident(c.SqlName)}";
        // Spark keeps an arbitrary row per key; AlaSpark keeps the smallest by the other columns, so a
        // re-run over the same input keeps the same rows.
        var others = input.Columns.Where(c => !keys.Contains(c) && IsOrderable(c.Type)).Select(Ref).ToList();
        if (input.InputFileSqlName is not null) others.Add($"{SqlText.Ident(alias)}.{SqlText.Ident(input.InputFileSqlName)}");
        var partition = keys.Count == 0 ? "" : "PARTITION BY " + string.Join(", ", keys.Select(Ref));
        var order = others.Count == 0 ? "" : " ORDER BY " + string.Join(", ", others.Select(o => o + " NULLS FIRST"));
        var sql = $"SELECT {string.Join(", ", input.PassThrough(alias))}\nFROM ({SqlText.Indent("\n" + input.Sql)}\n) AS {SqlText.Ident(alias)}\n" +
                  $"QUALIFY row_number() OVER ({partition}{order}) = 1";
        return input with { Sql = sql };
    }

    private static bool IsOrderable(DataType t) => t is not (MapType or ArrayType or StructType);

    private CompiledRelation CompileJoin(Join join)
    {
        var left = Compile(join.Left);
        var right = Compile(join.Right);
        var (la, ra) = (NextAlias(), NextAlias());
        string Ref(string alias, ColumnBinding c) => $"{SqlText.Ident(alias)}.{SqlText.Ident(c.SqlName)}";
        var items = new List<(string, TypedSql, string?)>();
        string condition;
        if (join.UsingColumns.Count > 0)
        {
            var pairs = join.UsingColumns.Select(name =>
            {
                var l = Scope.Of(left).Find([name])?.Column ?? throw new AlaSparkException(
                    $"[UNRESOLVED_USING_COLUMN_FOR_JOIN] The join column '{name}' does not exist on the left side ({string.Join(", ", left.Columns.Select(c => c.Name))}).");
                var r = Scope.Of(right).Find([name])?.Column ?? throw new AlaSparkException(
                    $"[UNRESOLVED_USING_COLUMN_FOR_JOIN] The join column '{name}' does not exist on the right side ({string.Join(", ", right.Columns.Select(c => c.Name))}).");
                return (l, r);
            }).ToList();
            condition = string.Join(" AND ", pairs.Select(p => $"{Ref(la, p.l)} = {Ref(ra, p.r)}"));
            foreach (var (l, r) in pairs)
            {
                var key = join.JoinType switch
                {
                    JoinType.Right => Ref(ra, r),
                    JoinType.Full => $"COALESCE({Ref(la, l)}, {Ref(ra, r)})",
                    _ => Ref(la, l),
                };
                items.Add((l.Name, new TypedSql(key, l.Type, l.Nullable || r.Nullable), null));
            }
            var usedLeft = pairs.Select(p => p.l).ToHashSet();
            var usedRight = pairs.Select(p => p.r).ToHashSet();
            items.AddRange(left.Columns.Where(c => !usedLeft.Contains(c)).Select(c => (c.Name, new TypedSql(Ref(la, c), c.Type, c.Nullable || join.JoinType is JoinType.Right or JoinType.Full), c.Qualifier)));
            if (join.JoinType is not (JoinType.LeftSemi or JoinType.LeftAnti))
                items.AddRange(right.Columns.Where(c => !usedRight.Contains(c)).Select(c => (c.Name, new TypedSql(Ref(ra, c), c.Type, c.Nullable || join.JoinType is JoinType.Left or JoinType.Full), c.Qualifier)));
        }
        else
        {
            var scope = new Scope(
                left.Columns.Select(c => (c, Ref(la, c))).Concat(right.Columns.Select(c => (c, Ref(ra, c)))), null);
            if (join.Condition is null && join.JoinType != JoinType.Cross)
                throw new AlaSparkException("A join needs a condition or join columns (use CrossJoin for a cartesian product).");
            condition = join.Condition is null ? "true" : _expressions.Compile(join.Condition, scope).Sql;
            items.AddRange(left.Columns.Select(c => (c.Name, new TypedSql(Ref(la, c), c.Type, c.Nullable || join.JoinType is JoinType.Right or JoinType.Full), c.Qualifier)));
            if (join.JoinType is not (JoinType.LeftSemi or JoinType.LeftAnti))
                items.AddRange(right.Columns.Select(c => (c.Name, new TypedSql(Ref(ra, c), c.Type, c.Nullable || join.JoinType is JoinType.Left or JoinType.Full), c.Qualifier)));
        }
        var kind = join.JoinType switch
        {
            JoinType.Inner => "INNER JOIN",
            JoinType.Left => "LEFT JOIN",
            JoinType.Right => "RIGHT JOIN",
            JoinType.Full => "FULL OUTER JOIN",
            JoinType.LeftSemi => "SEMI JOIN",
            JoinType.LeftAnti => "ANTI JOIN",
            JoinType.Cross => "INNER JOIN",
            _ => throw new AlaSparkException($"Join type {join.JoinType} is not supported."),
        };
        var columns = Bind(items);
        var sql = $"SELECT {SelectList(columns, items.Select(i => i.Item2.Sql).ToList())}\n" +
                  $"FROM ({SqlText.Indent("\n" + left.Sql)}\n) AS {SqlText.Ident(la)}\n{kind} ({SqlText.Indent("\n" + right.Sql)}\n) AS {SqlText.Ident(ra)} ON {condition}";
        return new CompiledRelation(sql, columns);
    }

    private CompiledRelation CompileSetOperation(SetOperation op)
    {
        var left = Compile(op.Left);
        var right = Compile(op.Right);
        var (la, ra) = (NextAlias(), NextAlias());
        var names = left.Columns.Select(c => c.Name).ToList();
        List<(ColumnBinding? Left, ColumnBinding? Right)> pairs;
        if (op.ByName)
        {
            var rightByName = right.Columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
            var missingLeft = right.Columns.Where(r => !names.Contains(r.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            var missingRight = left.Columns.Where(l => !rightByName.ContainsKey(l.Name)).ToList();
            if (!op.AllowMissingColumns && (missingLeft.Count > 0 || missingRight.Count > 0))
                throw new AlaSparkException(
                    $"[NUM_COLUMNS_MISMATCH] unionByName needs the same columns on both sides. Only on the left: {Names(missingRight)}; only on the right: {Names(missingLeft)}. Pass allowMissingColumns: true to fill them with nulls.");
            pairs = left.Columns.Select(l => (Left: (ColumnBinding?)l, Right: rightByName.GetValueOrDefault(l.Name))).ToList();
            pairs.AddRange(missingLeft.Select(r => (Left: (ColumnBinding?)null, Right: (ColumnBinding?)r)));
        }
        else
        {
            if (left.Columns.Count != right.Columns.Count)
                throw new AlaSparkException($"[NUM_COLUMNS_MISMATCH] A union needs the same number of columns: {left.Columns.Count} on the left, {right.Columns.Count} on the right.");
            pairs = left.Columns.Zip(right.Columns, (l, r) => ((ColumnBinding?)l, (ColumnBinding?)r)).ToList();
        }
        var types = pairs.Select(p => Numeric.Common(new[] { p.Left?.Type, p.Right?.Type }.OfType<DataType>())).ToList();
        string Side(ColumnBinding? c, string alias, DataType type) => c is null
            ? $"CAST(NULL AS {TypeMapping.ToDuckDb(type)})"
            : FunctionCatalog.Coerce(new TypedSql($"{SqlText.Ident(alias)}.{SqlText.Ident(c.SqlName)}", c.Type), type);
        var items = pairs.Select((p, i) => ((p.Left ?? p.Right)!.Name, new TypedSql("", types[i], true), (string?)null)).ToList();
        var columns = Bind(items);
        var leftList = string.Join(", ", pairs.Select((p, i) => $"{Side(p.Left, la, types[i])} AS {SqlText.Ident(columns[i].SqlName)}"));
        var rightList = string.Join(", ", pairs.Select((p, i) => $"{Side(p.Right, ra, types[i])} AS {SqlText.Ident(columns[i].SqlName)}"));
        var keyword = op.Type switch
        {
            SetOperationType.Union => "UNION",
            SetOperationType.Intersect => "INTERSECT",
            _ => "EXCEPT",
        } + (op.IsAll ? " ALL" : "");
        var sql = $"SELECT {leftList} FROM ({SqlText.Indent("\n" + left.Sql)}\n) AS {SqlText.Ident(la)}\n{keyword}\n" +
                  $"SELECT {rightList} FROM ({SqlText.Indent("\n" + right.Sql)}\n) AS {SqlText.Ident(ra)}";
        return new CompiledRelation(sql, columns);
    }

    private static string Names(IEnumerable<ColumnBinding> columns)
    {
        var list = columns.Select(c => c.Name).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private CompiledRelation CompileSort(Sort sort)
    {
        if (OrderByHiddenColumns(sort) is { } rewritten) return Compile(rewritten);
        var input = Compile(sort.Input);
        var alias = NextAlias();
        var scope = Scope.Of(input, alias);
        var order = sort.Order.Select(o =>
        {
            var value = _expressions.Compile(o.Child, scope);
            return $"{value.Sql} {(o.Ascending ? "ASC" : "DESC")} NULLS {(o.EffectiveNullsFirst ? "FIRST" : "LAST")}";
        });
        var sql = $"SELECT {string.Join(", ", input.PassThrough(alias))}\nFROM ({SqlText.Indent("\n" + input.Sql)}\n) AS {SqlText.Ident(alias)}\nORDER BY {string.Join(", ", order)}";
        return input with { Sql = sql };
    }

    /// <summary>
    /// Spark lets ORDER BY name columns the SELECT dropped (<c>SELECT name FROM t ORDER BY id</c>):
    /// the projection carries them to the sort and they are dropped after it.
    /// </summary>
    private Relation? OrderByHiddenColumns(Sort sort)
    {
        if (sort.Input is not Project project) return null;
        var output = Compile(project).Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = sort.Order.SelectMany(o => Attributes(o.Child))
            .Where(a => !output.Contains(a.NameParts[0]) && !(a.NameParts.Count > 1 && output.Contains(a.NameParts[1])))
            .DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count == 0) return null;
        var hidden = missing.Select((a, i) => new Alias(a, $"__order_by_{i}")).ToList();
        var renamed = sort.Order.Select(o => o with { Child = Replace(o.Child, missing, hidden) }).ToValueList();
        var widened = new Project(project.Input, project.Expressions.Concat(hidden).ToValueList());
        return new Drop(new Sort(widened, renamed, sort.IsGlobal), hidden.Select(h => h.Name).ToValueList());
    }

    private static IEnumerable<UnresolvedAttribute> Attributes(Expression e) => e switch
    {
        UnresolvedAttribute a => [a],
        UnresolvedFunction f => f.Arguments.SelectMany(Attributes),
        Alias a => Attributes(a.Child),
        Cast c => Attributes(c.Child),
        UnresolvedExtractValue x => Attributes(x.Child),
        _ => [],
    };

    private static Expression Replace(Expression e, List<UnresolvedAttribute> from, List<Alias> to) => e switch
    {
        UnresolvedAttribute a when from.FindIndex(x => string.Equals(x.Name, a.Name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            => new UnresolvedAttribute(to[i].Name),
        UnresolvedFunction f => f with { Arguments = f.Arguments.Select(x => Replace(x, from, to)).ToValueList() },
        Cast c => c with { Child = Replace(c.Child, from, to) },
        UnresolvedExtractValue x => x with { Child = Replace(x.Child, from, to) },
        _ => e,
    };

    private CompiledRelation CompileLimit(Limit limit)
    {
        if (limit.Count < 0) throw new AlaSparkException($"A limit must not be negative ({limit.Count}).");
        var input = Compile(limit.Input);
        var alias = NextAlias();
        return input with { Sql = $"SELECT {string.Join(", ", input.PassThrough(alias))}\nFROM ({SqlText.Indent("\n" + input.Sql)}\n) AS {SqlText.Ident(alias)}\nLIMIT {limit.Count}" };
    }

    private CompiledRelation CompileAggregate(Aggregate aggregate)
    {
        var input = Compile(aggregate.Input);
        var alias = NextAlias();
        var scope = Scope.Of(input, alias);
        var grouping = aggregate.Grouping.Select(g => _expressions.Compile(g, scope).Sql).ToList();
        var items = ExpandSelect(aggregate.Aggregates, scope);
        var columns = Bind(items);
        var sql = new StringBuilder($"SELECT {SelectList(columns, items.Select(i => i.Value.Sql).ToList())}\nFROM ({SqlText.Indent("\n" + input.Sql)}\n) AS {SqlText.Ident(alias)}");
        if (grouping.Count > 0) sql.Append("\nGROUP BY ").Append(string.Join(", ", grouping));
        return new CompiledRelation(sql.ToString(), columns);
    }

    private static CompiledRelation CompileLocal(LocalRelation local)
    {
        var columns = local.Schema.Fields.Select(f => new ColumnBinding(f.Name, f.Name, f.DataType, f.Nullable)).ToList();
        var bound = Bind(columns.Select(c => (c.Name, new TypedSql("", c.Type, c.Nullable), (string?)null)));
        if (local.Rows.Count == 0)
        {
            var nulls = bound.Count == 0 ? "1 AS \"__one\"" : string.Join(", ", bound.Select(c => $"CAST(NULL AS {TypeMapping.ToDuckDb(c.Type)}) AS {SqlText.Ident(c.SqlName)}"));
            return new CompiledRelation($"SELECT {nulls} LIMIT 0", bound);
        }
        var rows = local.Rows.Select(row =>
        {
            if (row.Count != bound.Count)
                throw new AlaSparkException($"A row of {row.Count} values does not fit the schema {local.Schema.SimpleString}.");
            return "(" + string.Join(", ", row.Select((v, i) => $"CAST({SqlText.Literal(v, bound[i].Type)} AS {TypeMapping.ToDuckDb(bound[i].Type)})")) + ")";
        });
        var names = string.Join(", ", bound.Select(c => SqlText.Ident(c.SqlName)));
        return new CompiledRelation($"SELECT * FROM (VALUES {string.Join(", ", rows)}) AS _v({names})", bound);
    }
}

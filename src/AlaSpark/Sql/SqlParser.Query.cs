using System.Globalization;
using AlaSpark.Plan;

namespace AlaSpark.Sql;

/// <summary>The query subset of <c>alaspark sql</c>: one SELECT with joins, WHERE, GROUP BY, HAVING,
/// ORDER BY and LIMIT, built into plan relations.</summary>
internal sealed partial class SqlParser
{
    internal const string QuerySubset =
        "SELECT [DISTINCT] expressions [FROM table [[AS] alias] " +
        "[[INNER | LEFT [OUTER] | RIGHT [OUTER] | FULL [OUTER] | CROSS | LEFT SEMI | LEFT ANTI] JOIN table [[AS] alias] [ON condition | USING (columns)]]...] " +
        "[WHERE condition] [GROUP BY expressions | GROUP BY ALL] [HAVING condition] " +
        "[ORDER BY expression [ASC | DESC] [NULLS FIRST | LAST], ...] [LIMIT n]";

    /// <summary>Spark's aggregate functions that make a SELECT an aggregation.</summary>
    internal static readonly HashSet<string> AggregateFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "count", "sum", "avg", "mean", "min", "max", "count_if", "first", "last", "first_value", "last_value",
        "any_value", "collect_list", "collect_set", "array_agg", "approx_count_distinct", "stddev", "stddev_samp",
        "stddev_pop", "std", "variance", "var_samp", "var_pop", "bool_and", "bool_or", "every", "some", "any",
        "max_by", "min_by", "median", "mode", "percentile", "percentile_approx", "approx_percentile", "corr",
        "covar_pop", "covar_samp", "kurtosis", "skewness", "string_agg", "listagg", "product",
        "bit_and", "bit_or", "bit_xor",
    };

    private static readonly HashSet<string> Statements = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "CREATE", "DROP", "ALTER", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "SHOW", "DESCRIBE", "DESC",
        "EXPLAIN", "USE", "SET", "RESET", "CACHE", "UNCACHE", "REFRESH", "ANALYZE", "MSCK", "LOAD", "GRANT",
        "REVOKE", "COMMENT", "ADD", "LIST", "OPTIMIZE", "VACUUM", "COPY", "CALL", "DECLARE", "EXECUTE", "REPLACE",
    };

    private sealed record OrderItem(Expression Expression, bool Ascending, bool? NullsFirst);

    public Relation ParseWholeQuery()
    {
        if (!AtWord("SELECT")) throw NotASelect();
        Advance();
        var distinct = AcceptWord("DISTINCT");
        if (!distinct && AtWord("ALL") && !IsArgumentEnd(Peek(1)) && !Peek(1).IsWord("FROM") && Peek(1).Kind != TokenKind.End) Advance();

        var items = new List<Expression>();
        do items.Add(ParseNamedItem()); while (AcceptSymbol(","));

        Relation relation = AcceptWord("FROM") ? ParseFrom() : new OneRowRelation();
        if (AcceptWord("WHERE")) relation = new Filter(relation, ParseExpr());

        List<Expression>? grouping = null;
        if (AtWord("GROUP"))
        {
            Advance();
            ExpectWord("BY", "BY after GROUP");
            grouping = ParseGroupBy(items);
        }

        var havingToken = Current;
        var having = AcceptWord("HAVING") ? ParseExpr() : null;

        List<OrderItem>? order = null;
        if (AtWord("ORDER"))
        {
            Advance();
            ExpectWord("BY", "BY after ORDER");
            order = ParseOrderBy(items);
        }

        int? limit = null;
        if (AcceptWord("LIMIT")) limit = ParseLimit();

        var semicolon = AcceptSymbol(";");
        if (Current.Kind != TokenKind.End)
            throw semicolon ? ErrorAt(Current, "`alaspark sql` runs one query; found more text after ';'") : AfterQueryError();

        return Build(items, distinct, relation, grouping, having, order, limit);
    }

    private Relation Build(List<Expression> items, bool distinct, Relation relation, List<Expression>? grouping,
        Expression? having, List<OrderItem>? order, int? limit)
    {
        var orderHidden = new List<string>();
        var sortOrders = new List<SortOrder>();
        var isAggregate = grouping is not null || having is not null || items.Any(ContainsAggregate);
        if (isAggregate)
        {
            var aggregates = new List<Expression>(items);
            var havingHidden = new List<string>();
            var condition = having is null ? null : RewriteAboveAggregate(having, items, aggregates, "__having_", havingHidden, null);
            if (order is not null)
            {
                var refuse = distinct
                    ? "With SELECT DISTINCT, ORDER BY can only use aggregates that are in the select list"
                    : null;
                foreach (var item in order)
                    sortOrders.Add(new SortOrder(RewriteAboveAggregate(item.Expression, items, aggregates, "__order_", orderHidden, refuse), item.Ascending, item.NullsFirst));
            }
            relation = new Aggregate(relation, (grouping ?? []).ToValueList(), aggregates.ToValueList());
            if (condition is not null) relation = new Filter(relation, condition);
            if (havingHidden.Count > 0) relation = new Drop(relation, havingHidden.ToValueList());
        }
        else
        {
            if (order is not null)
            {
                foreach (var item in order)
                    sortOrders.Add(new SortOrder(Transform(item.Expression, node => OutputReference(node, items)), item.Ascending, item.NullsFirst));
            }
            relation = new Project(relation, items.ToValueList());
        }
        if (distinct) relation = new Deduplicate(relation, ValueList<string>.Empty);
        if (order is not null) relation = new Sort(relation, sortOrders.ToValueList());
        if (limit is { } count) relation = new Limit(relation, count);
        if (orderHidden.Count > 0) relation = new Drop(relation, orderHidden.ToValueList());
        return relation;
    }

    /// <summary>
    /// HAVING and ORDER BY are applied above the Aggregate, so they see its output columns. A part equal
    /// to an aliased select item becomes a reference to the alias; any other aggregate call is computed as
    /// a hidden output column (<c>__having_1</c>, <c>__order_1</c>) that a <see cref="Drop"/> removes later.
    /// </summary>
    private Expression RewriteAboveAggregate(Expression expression, List<Expression> items, List<Expression> aggregates,
        string prefix, List<string> hidden, string? refuse)
    {
        return Transform(expression, node =>
        {
            if (OutputReference(node, items) is { } reference) return reference;
            if (node is not UnresolvedFunction function || !AggregateFunctions.Contains(function.Name)) return null;
            foreach (var existing in aggregates)
                if (existing is Alias alias && alias.Child.Equals(node) && hidden.Contains(alias.Name)) return new UnresolvedAttribute(alias.Name);
            // Under DISTINCT a hidden column may only repeat a selected aggregate, so that it cannot split rows.
            if (refuse is not null && !items.Contains(node)) throw new AlaSparkException($"{refuse}; add {Describe(node)} to the select list with an alias and order by the alias.");
            var hiddenName = prefix + (hidden.Count + 1).ToString(CultureInfo.InvariantCulture);
            hidden.Add(hiddenName);
            aggregates.Add(new Alias(node, hiddenName));
            return new UnresolvedAttribute(hiddenName);
        });
    }

    private static string Describe(Expression expression) =>
        expression is UnresolvedFunction function ? $"the aggregate {function.Name}(...)" : "the expression";

    /// <summary>
    /// How a part of HAVING or ORDER BY reads above the select list: a name of an output column stays
    /// as it is (it refers to that column, as in Spark, even when an input column has the name too); an
    /// expression that an aliased select item computes becomes a reference to the alias. Null otherwise.
    /// </summary>
    private static Expression? OutputReference(Expression node, List<Expression> items)
    {
        if (node is UnresolvedAttribute { NameParts.Count: 1 } attribute)
        {
            foreach (var item in items)
            {
                var outputName = item switch
                {
                    Alias alias => alias.Name,
                    UnresolvedAttribute column => column.NameParts[^1],
                    _ => null,
                };
                if (string.Equals(outputName, attribute.NameParts[0], StringComparison.OrdinalIgnoreCase)) return node;
            }
        }
        foreach (var item in items)
            if (item is Alias alias && alias.Child.Equals(node)) return new UnresolvedAttribute(alias.Name);
        return null;
    }

    internal static bool ContainsAggregate(Expression expression)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return ContainsAggregateNode(expression);
    }

    private static bool ContainsAggregateNode(Expression expression) => expression switch
    {
        UnresolvedFunction f => AggregateFunctions.Contains(f.Name) || f.Arguments.Any(ContainsAggregate),
        Alias a => ContainsAggregate(a.Child),
        Cast c => ContainsAggregate(c.Child),
        SortOrder s => ContainsAggregate(s.Child),
        UnresolvedExtractValue x => ContainsAggregate(x.Child) || ContainsAggregate(x.Extraction),
        LambdaFunction l => ContainsAggregate(l.Body),
        _ => false,
    };

    /// <summary>Rewrites a tree top-down: where <paramref name="replace"/> returns a node, that node
    /// replaces the subtree.</summary>
    internal static Expression Transform(Expression expression, Func<Expression, Expression?> replace)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (replace(expression) is { } replaced) return replaced;
        return expression switch
        {
            UnresolvedFunction f => f with { Arguments = f.Arguments.Select(a => Transform(a, replace)).ToValueList() },
            Alias a => a with { Child = Transform(a.Child, replace) },
            Cast c => c with { Child = Transform(c.Child, replace) },
            SortOrder s => s with { Child = Transform(s.Child, replace) },
            UnresolvedExtractValue x => x with { Child = Transform(x.Child, replace), Extraction = Transform(x.Extraction, replace) },
            LambdaFunction l => l with { Body = Transform(l.Body, replace) },
            _ => expression,
        };
    }

    private AlaSparkException NotASelect()
    {
        var token = Current;
        if (token.Kind == TokenKind.End) return Expected("a SELECT query");
        if (token.IsWord("WITH")) return Unsupported("Common table expressions (WITH) are", token);
        if (token.IsWord("VALUES")) return Unsupported("VALUES lists are", token);
        if (token.IsWord("FROM")) return Unsupported("FROM-first queries are", token);
        if (token.IsWord("TABLE")) return Unsupported("TABLE queries are", token);
        if (token.IsSymbol("(")) return Unsupported("Parenthesized queries are", token);
        if (token.Kind == TokenKind.Word && Statements.Contains(token.Text))
            return Unsupported($"{token.Text.ToUpperInvariant()} statements are", token);
        return Expected("SELECT (`alaspark sql` runs one SELECT query)");
    }

    /// <summary>What to say about text left after the query: an unsupported feature by name, a clause
    /// out of order, or plain junk.</summary>
    private AlaSparkException AfterQueryError()
    {
        var token = Current;
        var word = token.Kind == TokenKind.Word ? token.Text.ToUpperInvariant() : "";
        switch (word)
        {
            case "UNION" or "INTERSECT" or "EXCEPT" or "MINUS":
                return Unsupported($"Set operations ({word}) are", token);
            case "WINDOW":
                return Unsupported("Named windows (WINDOW) are", token);
            case "QUALIFY":
                return Unsupported("QUALIFY clauses are", token);
            case "SORT" or "CLUSTER" or "DISTRIBUTE":
                return Unsupported($"{word} BY clauses are", token);
            case "OFFSET":
                return Unsupported("OFFSET is", token);
            case "LATERAL":
                return Unsupported("LATERAL VIEW is", token);
            case "PIVOT" or "UNPIVOT":
                return Unsupported($"{word} is", token);
            case "TABLESAMPLE":
                return Unsupported("TABLESAMPLE is", token);
            case "INTO":
                return Unsupported("SELECT ... INTO is", token);
            case "FROM" or "WHERE" or "GROUP" or "HAVING" or "ORDER" or "LIMIT":
                return Expected("the end of the query (clauses go in the order FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT)");
        }
        if (token.IsSymbol(")")) return ErrorAt(token, "unexpected ')' (it has no matching '(')");
        return Expected("',' or the next clause (FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT) or the end of the query");
    }

    // ---- FROM and joins -----------------------------------------------------------------------

    private Relation ParseFrom()
    {
        var relation = ParseTableReference();
        while (true)
        {
            if (AcceptSymbol(","))
            {
                relation = new Join(relation, ParseTableReference(), null, JoinType.Cross, ValueList<string>.Empty);
                continue;
            }
            if (ParseJoinType() is not { } type) return relation;
            var right = ParseTableReference();
            Expression? condition = null;
            var usingColumns = ValueList<string>.Empty;
            if (AcceptWord("ON"))
            {
                condition = ParseExpr();
            }
            else if (AcceptWord("USING"))
            {
                if (!AtSymbol("(")) throw Expected("'(' and column names after USING");
                var open = Advance();
                var columns = new List<string>();
                do
                {
                    if (!Current.IsIdentifier) throw Expected("a column name");
                    columns.Add(Advance().Text);
                } while (AcceptSymbol(","));
                ExpectClose(open, "',' or ')'");
                usingColumns = columns.ToValueList();
            }
            // A CROSS JOIN with a condition is an inner join, as in Spark.
            if (type == JoinType.Cross && (condition is not null || usingColumns.Count > 0)) type = JoinType.Inner;
            relation = new Join(relation, right, condition, type, usingColumns);
        }
    }

    private JoinType? ParseJoinType()
    {
        if (AtWord("NATURAL")) throw Unsupported("NATURAL joins are", Current);
        if (AtWord("LATERAL")) throw Unsupported("LATERAL VIEW is", Current);
        JoinType type;
        if (AcceptWord("JOIN")) return JoinType.Inner;
        if (AcceptWord("INNER")) type = JoinType.Inner;
        else if (AcceptWord("CROSS")) type = JoinType.Cross;
        else if (AcceptWord("LEFT"))
        {
            if (AcceptWord("SEMI")) type = JoinType.LeftSemi;
            else if (AcceptWord("ANTI")) type = JoinType.LeftAnti;
            else
            {
                AcceptWord("OUTER");
                type = JoinType.Left;
            }
        }
        else if (AcceptWord("RIGHT"))
        {
            AcceptWord("OUTER");
            type = JoinType.Right;
        }
        else if (AcceptWord("FULL"))
        {
            AcceptWord("OUTER");
            type = JoinType.Full;
        }
        else if (AcceptWord("SEMI")) type = JoinType.LeftSemi;
        else if (AcceptWord("ANTI")) type = JoinType.LeftAnti;
        else return null;
        ExpectWord("JOIN", "JOIN");
        return type;
    }

    /// <summary>A table (<c>db.table</c>, parts optionally back-quoted) with an optional alias, or an inline table.</summary>
    private Relation ParseTableReference()
    {
        if (AtWord("VALUES")) return ParseInlineTable();
        if (AtSymbol("("))
            throw Unsupported(Peek(1).IsWord("SELECT") || Peek(1).IsWord("WITH") ? "Subqueries in FROM are" : "Parenthesized joins are", Current);
        if (AtWord("LATERAL")) throw Unsupported("LATERAL subqueries are", Current);
        if (!Current.IsIdentifier || (Current.Kind == TokenKind.Word && Reserved.Contains(Current.Text))) throw Expected("a table name");
        var first = Current;
        var parts = new List<string> { Advance().Text };
        while (AtSymbol(".") && Peek(1).IsIdentifier)
        {
            Advance();
            parts.Add(Advance().Text);
        }
        if (AtSymbol("(")) throw Unsupported("Table-valued functions are", first);
        if (parts.Count > 3) throw ErrorAt(first, "a table name has at most three parts (catalog.database.table)");
        if (parts.FirstOrDefault(p => p.Contains('.')) is { } dotted)
            throw ErrorAt(first, $"the table name part `{dotted}` contains '.', which a table name cannot hold");
        Relation relation = new Read(null, string.Join(".", parts));
        if (AtWord("TABLESAMPLE")) throw Unsupported("TABLESAMPLE is", Current);
        string? alias = null;
        if (AcceptWord("AS"))
        {
            if (!Current.IsIdentifier) throw Expected("a table alias after AS");
            alias = Advance().Text;
        }
        else if (CanBeBareAlias(Current))
        {
            alias = Advance().Text;
        }
        if (alias is null) return relation;
        if (AtSymbol("(")) throw Unsupported("Column alias lists (t(a, b)) are", Current);
        return new SubqueryAlias(relation, alias);
    }

    /// <summary>
    /// Spark's inline table: <c>VALUES (1, 'a'), (2, 'b') [AS] t(id, name)</c>. A row is a parenthesized
    /// list or a single expression; columns are named <c>col1, col2, ...</c> unless the alias names them.
    /// Rows of literals become a <see cref="LocalRelation"/> (their column types widened as Spark's
    /// inline tables do), other rows a UNION ALL of one-row selects.
    /// </summary>
    private Relation ParseInlineTable()
    {
        var start = Advance();
        var rows = new List<List<Expression>>();
        do
        {
            var row = new List<Expression>();
            if (AtSymbol("("))
            {
                var open = Advance();
                do row.Add(ParseExpr()); while (AcceptSymbol(","));
                ExpectClose(open, "',' or ')'");
            }
            else
            {
                row.Add(ParseExpr());
            }
            if (rows.Count > 0 && row.Count != rows[0].Count)
                throw ErrorAt(start, $"the rows of VALUES must have the same number of values ({rows[0].Count} in the first row, {row.Count} in row {rows.Count + 1})");
            rows.Add(row);
        } while (AcceptSymbol(","));

        string? alias = null;
        if (AcceptWord("AS"))
        {
            if (!Current.IsIdentifier) throw Expected("a table alias after AS");
            alias = Advance().Text;
        }
        else if (CanBeBareAlias(Current))
        {
            alias = Advance().Text;
        }
        var names = Enumerable.Range(1, rows[0].Count).Select(i => "col" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        if (alias is not null && AtSymbol("("))
        {
            var open = Advance();
            var given = new List<string>();
            do
            {
                if (!Current.IsIdentifier) throw Expected("a column name");
                given.Add(Advance().Text);
            } while (AcceptSymbol(","));
            ExpectClose(open, "',' or ')'");
            if (given.Count != names.Count)
                throw ErrorAt(open, $"the alias names {given.Count} column(s), but the rows of VALUES have {names.Count}");
            names = given;
        }
        var relation = InlineTable.Build(rows, names);
        return alias is null ? relation : new SubqueryAlias(relation, alias);
    }

    // ---- GROUP BY, ORDER BY, LIMIT -------------------------------------------------------------

    private List<Expression> ParseGroupBy(List<Expression> items)
    {
        if (AtWord("ALL") && (Peek(1).Kind == TokenKind.End || Peek(1).IsSymbol(";") || (Peek(1).Kind == TokenKind.Word && Reserved.Contains(Peek(1).Text))))
        {
            var all = Advance();
            var grouping = new List<Expression>();
            foreach (var item in items)
            {
                if (item is UnresolvedStar) throw ErrorAt(all, "GROUP BY ALL cannot be used with a star (*) in the select list; name the columns");
                if (!ContainsAggregate(item)) grouping.Add(item is Alias alias ? alias.Child : item);
            }
            return grouping;
        }
        var list = new List<Expression>();
        do
        {
            if (((AtWord("ROLLUP") || AtWord("CUBE")) && Peek(1).IsSymbol("(")) || (AtWord("GROUPING") && Peek(1).IsWord("SETS")))
                throw Unsupported($"{Current.Text.ToUpperInvariant()}{(AtWord("GROUPING") ? " SETS" : "")} is", Current);
            var token = Current;
            var expression = ParseExpr();
            if (Ordinal(expression) is { } position)
            {
                var item = SelectItemAt(position, items, token, "GROUP BY");
                if (ContainsAggregate(item)) throw ErrorAt(token, $"GROUP BY {position} refers to an aggregate ({Describe(item)}), which cannot be grouped by");
                expression = item is Alias alias ? alias.Child : item;
            }
            list.Add(expression);
        } while (AcceptSymbol(","));
        if (AtWord("WITH") && (Peek(1).IsWord("ROLLUP") || Peek(1).IsWord("CUBE")))
            throw Unsupported($"GROUP BY ... WITH {Peek(1).Text.ToUpperInvariant()} is", Current);
        return list;
    }

    private List<OrderItem> ParseOrderBy(List<Expression> items)
    {
        var order = new List<OrderItem>();
        do
        {
            var token = Current;
            var expression = ParseExpr();
            if (Ordinal(expression) is { } position)
            {
                var item = SelectItemAt(position, items, token, "ORDER BY");
                expression = item is Alias alias ? new UnresolvedAttribute(alias.Name) : item;
            }
            var ascending = true;
            if (AcceptWord("DESC")) ascending = false;
            else AcceptWord("ASC");
            bool? nullsFirst = null;
            if (AcceptWord("NULLS"))
            {
                if (AcceptWord("FIRST")) nullsFirst = true;
                else if (AcceptWord("LAST")) nullsFirst = false;
                else throw Expected("FIRST or LAST after NULLS");
            }
            order.Add(new OrderItem(expression, ascending, nullsFirst));
        } while (AcceptSymbol(","));
        return order;
    }

    /// <summary>An integer literal in GROUP BY or ORDER BY is a position in the select list, as in Spark.</summary>
    private static int? Ordinal(Expression expression) =>
        expression is Literal { Value: int position } literal && literal.Type is Types.IntegerType ? position : null;

    private Expression SelectItemAt(int position, List<Expression> items, SqlToken token, string clause)
    {
        if (position < 1 || position > items.Count)
            throw ErrorAt(token, $"{clause} {position} is not a position in the select list (1 to {items.Count})");
        var item = items[position - 1];
        if (item is UnresolvedStar) throw ErrorAt(token, $"{clause} {position} refers to a star (*); name the column");
        return item;
    }

    private int? ParseLimit()
    {
        if (AcceptWord("ALL")) return null;
        var token = Current;
        if (token.Kind != TokenKind.Number || !token.Text.All(char.IsAsciiDigit))
            throw Expected("a whole number of rows after LIMIT");
        if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw ErrorAt(token, $"LIMIT {token.Text} is too large (at most {int.MaxValue})");
        Advance();
        return count;
    }
}

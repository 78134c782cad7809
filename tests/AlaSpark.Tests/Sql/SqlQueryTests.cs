using AlaSpark.Plan;
using AlaSpark.Sql;
using static AlaSpark.Tests.Sql.N;

namespace AlaSpark.Tests.Sql;

public class SqlQueryTests
{
    private static Relation Query(string sql) => SparkSqlParser.ParseQuery(sql);

    private static Read Table(string name) => new(null, name);

    private static ValueList<Expression> Items(params Expression[] items) => items;

    private static string ErrorOf(string sql) =>
        Assert.Throws<AlaSparkException>(() => SparkSqlParser.ParseQuery(sql)).Message;

    [Fact]
    public void Select_from_where()
    {
        Assert.Equal(
            new Project(new Filter(Table("sales.orders"), Fn(">", Col("amount"), Int(0))), Items(Col("id"), new Alias(Fn("upper", Col("name")), "n"))),
            Query("SELECT id, upper(name) AS n FROM sales.orders WHERE amount > 0"));
    }

    [Fact]
    public void Select_star_with_trailing_semicolon_and_lower_case_keywords()
    {
        Assert.Equal(new Project(Table("t"), Items(new UnresolvedStar())), Query("select * from t;"));
    }

    [Fact]
    public void Select_without_from_reads_one_row()
    {
        Assert.Equal(new Project(new OneRowRelation(), Items(Int(1), new Alias(Str("x"), "s"))), Query("SELECT 1, 'x' s"));
    }

    [Fact]
    public void Back_quoted_table_parts()
    {
        Assert.Equal(new Project(Table("my db.my table"), Items(new UnresolvedStar())), Query("SELECT * FROM `my db`.`my table`"));
    }

    [Fact]
    public void Table_aliases()
    {
        Assert.Equal(
            new Project(new SubqueryAlias(Table("sales.orders"), "o"), Items(Col("o", "id"))),
            Query("SELECT o.id FROM sales.orders AS o"));
        Assert.Equal(
            new Project(new SubqueryAlias(Table("sales.orders"), "o"), Items(new UnresolvedStar("o"))),
            Query("SELECT o.* FROM sales.orders o"));
    }

    [Fact]
    public void Joins_of_every_kind()
    {
        var on = Fn("==", Col("a", "id"), Col("b", "id"));
        var a = new SubqueryAlias(Table("x"), "a");
        var b = new SubqueryAlias(Table("y"), "b");
        var none = ValueList<string>.Empty;
        foreach (var (syntax, type) in new[]
        {
            ("JOIN", JoinType.Inner), ("INNER JOIN", JoinType.Inner), ("LEFT JOIN", JoinType.Left), ("LEFT OUTER JOIN", JoinType.Left),
            ("RIGHT JOIN", JoinType.Right), ("RIGHT OUTER JOIN", JoinType.Right), ("FULL JOIN", JoinType.Full), ("FULL OUTER JOIN", JoinType.Full),
            ("LEFT SEMI JOIN", JoinType.LeftSemi), ("LEFT ANTI JOIN", JoinType.LeftAnti), ("SEMI JOIN", JoinType.LeftSemi),
        })
        {
            Assert.Equal(
                new Project(new Join(a, b, on, type, none), Items(new UnresolvedStar())),
                Query($"SELECT * FROM x a {syntax} y b ON a.id = b.id"));
        }
        Assert.Equal(
            new Project(new Join(Table("x"), Table("y"), null, JoinType.Cross, none), Items(new UnresolvedStar())),
            Query("SELECT * FROM x CROSS JOIN y"));
        Assert.Equal(
            new Project(new Join(Table("x"), Table("y"), null, JoinType.Cross, none), Items(new UnresolvedStar())),
            Query("SELECT * FROM x, y"));
    }

    [Fact]
    public void Join_using_and_chained_joins()
    {
        var first = new Join(Table("x"), Table("y"), null, JoinType.Inner, ValueList.Of("id", "day"));
        var second = new Join(first, new SubqueryAlias(Table("z"), "z"), Fn("==", Col("x", "k"), Col("z", "k")), JoinType.Left, ValueList<string>.Empty);
        Assert.Equal(
            new Project(second, Items(new UnresolvedStar())),
            Query("SELECT * FROM x JOIN y USING (id, day) LEFT JOIN z AS z ON x.k = z.k"));
    }

    [Fact]
    public void Group_by_makes_an_aggregate()
    {
        Assert.Equal(
            new Aggregate(Table("t"), Items(Col("dept")), Items(Col("dept"), new Alias(Fn("sum", Col("amount")), "total"))),
            Query("SELECT dept, sum(amount) AS total FROM t GROUP BY dept"));
    }

    [Fact]
    public void Aggregate_functions_without_group_by_make_a_global_aggregate()
    {
        Assert.Equal(
            new Aggregate(Table("t"), ValueList<Expression>.Empty, Items(Fn("count", new UnresolvedStar()), Fn("max", Col("x")))),
            Query("SELECT count(*), max(x) FROM t"));
        Assert.Equal(
            new Aggregate(Table("t"), ValueList<Expression>.Empty, Items(Fn("+", Fn("approx_count_distinct", Col("x")), Int(1)))),
            Query("SELECT approx_count_distinct(x) + 1 FROM t"));
    }

    [Fact]
    public void Group_by_positions_and_all()
    {
        var expected = new Aggregate(Table("t"), Items(Fn("upper", Col("d")), Col("k")),
            Items(new Alias(Fn("upper", Col("d")), "u"), Col("k"), Fn("count", new UnresolvedStar())));
        Assert.Equal(expected, Query("SELECT upper(d) AS u, k, count(*) FROM t GROUP BY 1, 2"));
        Assert.Equal(expected, Query("SELECT upper(d) AS u, k, count(*) FROM t GROUP BY ALL"));
    }

    [Fact]
    public void Having_filters_the_aggregate_by_its_output_names()
    {
        var aggregate = new Aggregate(Table("t"), Items(Col("dept")), Items(Col("dept"), new Alias(Fn("count", new UnresolvedStar()), "n")));
        Assert.Equal(new Filter(aggregate, Fn(">", Col("n"), Int(1))), Query("SELECT dept, count(*) AS n FROM t GROUP BY dept HAVING n > 1"));
        Assert.Equal(new Filter(aggregate, Fn(">", Col("n"), Int(1))), Query("SELECT dept, count(*) AS n FROM t GROUP BY dept HAVING count(*) > 1"));
    }

    [Fact]
    public void Having_with_an_aggregate_outside_the_select_list_uses_a_hidden_column()
    {
        var aggregate = new Aggregate(Table("t"), Items(Col("dept")),
            Items(Col("dept"), new Alias(Fn("sum", Col("x")), "__having_1")));
        Assert.Equal(
            new Drop(new Filter(aggregate, Fn(">", Col("__having_1"), Int(10))), ValueList.Of("__having_1")),
            Query("SELECT dept FROM t GROUP BY dept HAVING sum(x) > 10"));
    }

    [Fact]
    public void Order_by_sorts_above_the_project_then_limits()
    {
        var project = new Project(Table("t"), Items(Col("a"), new Alias(Fn("upper", Col("b")), "ub")));
        Assert.Equal(
            new Limit(new Sort(project, ValueList.Of(
                new SortOrder(Col("a"), Ascending: false, NullsFirst: null),
                new SortOrder(Col("ub"), Ascending: true, NullsFirst: false),
                new SortOrder(Col("ub"), Ascending: true, NullsFirst: true))), 10),
            Query("SELECT a, upper(b) AS ub FROM t ORDER BY a DESC, upper(b) ASC NULLS LAST, 2 NULLS FIRST LIMIT 10"));
    }

    [Fact]
    public void Order_by_a_name_means_the_output_column_of_that_name()
    {
        // Swapped names: ORDER BY a is the output column a (input b), not rewritten to the alias of input a.
        var project = new Project(Table("t"), Items(new Alias(Col("b"), "a"), new Alias(Col("a"), "b")));
        Assert.Equal(new Sort(project, ValueList.Of(new SortOrder(Col("a")))), Query("SELECT b AS a, a AS b FROM t ORDER BY a"));
        var renamed = new Project(Table("t"), Items(new Alias(Col("a"), "x")));
        Assert.Equal(new Sort(renamed, ValueList.Of(new SortOrder(Col("x")))), Query("SELECT a AS x FROM t ORDER BY a"));
    }

    [Fact]
    public void Order_by_an_aggregate_outside_the_select_list_drops_the_hidden_column_last()
    {
        var aggregate = new Aggregate(Table("t"), Items(Col("dept")), Items(Col("dept"), new Alias(Fn("count", new UnresolvedStar()), "__order_1")));
        Assert.Equal(
            new Drop(new Limit(new Sort(aggregate, ValueList.Of(new SortOrder(Col("__order_1"), false))), 3), ValueList.Of("__order_1")),
            Query("SELECT dept FROM t GROUP BY dept ORDER BY count(*) DESC LIMIT 3"));
    }

    [Fact]
    public void Distinct_deduplicates_all_columns_before_sorting()
    {
        Assert.Equal(
            new Sort(new Deduplicate(new Project(Table("t"), Items(Col("a"))), ValueList<string>.Empty), ValueList.Of(new SortOrder(Col("a")))),
            Query("SELECT DISTINCT a FROM t ORDER BY a"));
    }

    [Fact]
    public void Everything_together()
    {
        var join = new Join(new SubqueryAlias(Table("sales.orders"), "o"), new SubqueryAlias(Table("sales.customers"), "c"),
            Fn("==", Col("o", "customer_id"), Col("c", "id")), JoinType.Left, ValueList<string>.Empty);
        var filter = new Filter(join, Fn("and", Fn(">=", Col("o", "day"), new Literal(new DateOnly(2024, 1, 1), Types.DateType.Instance)), Fn("isnotnull", Col("c", "country"))));
        var aggregate = new Aggregate(filter, Items(Col("c", "country")),
            Items(Col("c", "country"), new Alias(Fn("sum", Col("o", "amount")), "total"), new Alias(new UnresolvedFunction("count", ValueList.Of<Expression>(Col("o", "id")), true), "orders")));
        var having = new Filter(aggregate, Fn(">", Col("total"), Int(100)));
        var expected = new Limit(new Sort(having, ValueList.Of(new SortOrder(Col("total"), false, false))), 5);
        Assert.Equal(expected, Query("""
            SELECT c.country, sum(o.amount) AS total, count(DISTINCT o.id) orders
            FROM sales.orders o
            LEFT OUTER JOIN sales.customers AS c ON o.customer_id = c.id
            WHERE o.day >= DATE '2024-01-01' AND c.country IS NOT NULL
            GROUP BY c.country
            HAVING total > 100
            ORDER BY total DESC NULLS LAST
            LIMIT 5;
            """));
    }

    [Fact]
    public void Inline_table_of_literals_is_a_local_relation_with_widened_column_types()
    {
        var project = Assert.IsType<Project>(Query("SELECT * FROM VALUES (1, 'a'), (2.5, NULL) AS t(id, name)"));
        var alias = Assert.IsType<SubqueryAlias>(project.Input);
        Assert.Equal("t", alias.Alias);
        var local = Assert.IsType<LocalRelation>(alias.Input);
        Assert.Equal("struct<id:decimal(11,1),name:string>", local.Schema.SimpleString);
        Assert.Equal(new object?[] { 1m, "a" }, local.Rows[0].ToArray());
        Assert.Equal(new object?[] { 2.5m, null }, local.Rows[1].ToArray());
    }

    [Fact]
    public void Inline_table_columns_default_to_col1_and_rows_may_be_single_values()
    {
        var project = Assert.IsType<Project>(Query("SELECT col1 FROM VALUES 1, 2"));
        var local = Assert.IsType<LocalRelation>(project.Input);
        Assert.Equal("struct<col1:int>", local.Schema.SimpleString);
        Assert.Equal(2, local.Rows.Count);
    }

    [Fact]
    public void Inline_table_with_expressions_is_a_union_of_one_row_selects()
    {
        var project = Assert.IsType<Project>(Query("SELECT x FROM VALUES (1 + 1), (3) t(x)"));
        var union = Assert.IsType<SetOperation>(Assert.IsType<SubqueryAlias>(project.Input).Input);
        Assert.True(union.IsAll);
        Assert.Equal(new Project(new OneRowRelation(), Items(new Alias(Fn("+", Int(1), Int(1)), "x"))), union.Left);
    }

    [Theory]
    [InlineData("SELECT * FROM VALUES (1, 2), (3)", "the rows of VALUES must have the same number of values (2 in the first row, 1 in row 2)")]
    [InlineData("SELECT * FROM VALUES (1, 2) AS t(a)", "the alias names 1 column(s), but the rows of VALUES have 2")]
    public void Inline_table_errors(string sql, string message) => Assert.Contains(message, ErrorOf(sql));

    [Theory]
    [InlineData("SELECT sum(x) OVER (PARTITION BY y) FROM t", "Window functions (OVER) are", 15)]
    [InlineData("WITH c AS (SELECT 1) SELECT * FROM c", "Common table expressions (WITH) are", 1)]
    [InlineData("SELECT a FROM t UNION SELECT a FROM u", "Set operations (UNION) are", 17)]
    [InlineData("SELECT a FROM t UNION ALL SELECT a FROM u", "Set operations (UNION) are", 17)]
    [InlineData("SELECT a FROM t EXCEPT SELECT a FROM u", "Set operations (EXCEPT) are", 17)]
    [InlineData("SELECT * FROM (SELECT 1)", "Subqueries in FROM are", 15)]
    [InlineData("SELECT * FROM t WHERE a IN (SELECT b FROM u)", "Subqueries (IN (SELECT ...)) are", 29)]
    [InlineData("SELECT (SELECT 1)", "Subqueries are", 9)]
    [InlineData("SELECT * FROM t WHERE EXISTS (SELECT 1)", "Subqueries (EXISTS) are", 23)]
    [InlineData("INSERT INTO t VALUES (1)", "INSERT statements are", 1)]
    [InlineData("create table t (a int)", "CREATE statements are", 1)]
    [InlineData("SELECT * FROM t NATURAL JOIN u", "NATURAL joins are", 17)]
    [InlineData("SELECT * FROM range(10)", "Table-valued functions are", 15)]
    [InlineData("SELECT a FROM t LIMIT 1 OFFSET 2", "OFFSET is", 25)]
    [InlineData("SELECT a, count(*) FROM t GROUP BY ROLLUP(a)", "ROLLUP is", 36)]
    [InlineData("SELECT a FROM t SORT BY a", "SORT BY clauses are", 17)]
    [InlineData("SELECT a FROM t QUALIFY a > 1", "QUALIFY clauses are", 17)]
    [InlineData("SELECT * FROM t LATERAL VIEW explode(xs) v AS x", "LATERAL VIEW is", 17)]
    [InlineData("VALUES (1), (2)", "VALUES lists are", 1)]
    public void Unsupported_query_features_are_named(string sql, string what, int position)
    {
        var message = ErrorOf(sql);
        Assert.StartsWith($"{what} not supported by `alaspark sql` (found at position {position} of \"{sql}\"); supported: SELECT [DISTINCT] ", message);
        Assert.EndsWith("[LIMIT n].", message);
    }

    [Theory]
    [InlineData("", "Cannot parse \"\" at position 1: expected a SELECT query.")]
    [InlineData("SELEC a FROM t", "Cannot parse \"SELEC a FROM t\" at position 1: expected SELECT (`alaspark sql` runs one SELECT query), found 'SELEC'.")]
    [InlineData("SELECT FROM t", "Cannot parse \"SELECT FROM t\" at position 8: expected an expression, found 'FROM'.")]
    [InlineData("SELECT a, FROM t", "Cannot parse \"SELECT a, FROM t\" at position 11: expected an expression, found 'FROM'.")]
    [InlineData("SELECT a FROM", "Cannot parse \"SELECT a FROM\" at position 14: expected a table name.")]
    [InlineData("SELECT a FROM t WHERE", "Cannot parse \"SELECT a FROM t WHERE\" at position 22: expected an expression.")]
    [InlineData("SELECT a FROM t ORDER BY a WHERE b", "Cannot parse \"SELECT a FROM t ORDER BY a WHERE b\" at position 28: expected the end of the query (clauses go in the order FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT), found 'WHERE'.")]
    [InlineData("SELECT a FROM t LIMIT x", "Cannot parse \"SELECT a FROM t LIMIT x\" at position 23: expected a whole number of rows after LIMIT, found 'x'.")]
    [InlineData("SELECT a FROM t LIMIT 99999999999", "Cannot parse \"SELECT a FROM t LIMIT 99999999999\" at position 23: LIMIT 99999999999 is too large (at most 2147483647).")]
    [InlineData("SELECT a FROM t GROUP BY 3", "Cannot parse \"SELECT a FROM t GROUP BY 3\" at position 26: GROUP BY 3 is not a position in the select list (1 to 1).")]
    [InlineData("SELECT a FROM t LEFT u", "Cannot parse \"SELECT a FROM t LEFT u\" at position 22: expected JOIN, found 'u'.")]
    [InlineData("SELECT a FROM t; SELECT b FROM u", "Cannot parse \"SELECT a FROM t; SELECT b FROM u\" at position 18: `alaspark sql` runs one query; found more text after ';'.")]
    [InlineData("SELECT a FROM t x y", "Cannot parse \"SELECT a FROM t x y\" at position 19: expected ',' or the next clause (FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT) or the end of the query, found 'y'.")]
    [InlineData("SELECT * AS x FROM t", "Cannot parse \"SELECT * AS x FROM t\" at position 8: a star (*) cannot have an alias.")]
    public void Query_errors(string sql, string message)
    {
        Assert.Equal(message, ErrorOf(sql));
    }

    [Fact]
    public void Distinct_may_order_by_a_selected_aggregate_by_position()
    {
        var count = Fn("count", new UnresolvedStar());
        var aggregate = new Aggregate(Table("t"), Items(Col("a")), Items(Col("a"), count, new Alias(count, "__order_1")));
        Assert.Equal(
            new Drop(new Sort(new Deduplicate(aggregate, ValueList<string>.Empty), ValueList.Of(new SortOrder(Col("__order_1")))), ValueList.Of("__order_1")),
            Query("SELECT DISTINCT a, count(*) FROM t GROUP BY a ORDER BY 2"));
    }

    [Fact]
    public void Distinct_with_an_order_by_aggregate_outside_the_select_list_is_refused()
    {
        Assert.Contains("With SELECT DISTINCT, ORDER BY can only use aggregates that are in the select list",
            ErrorOf("SELECT DISTINCT dept FROM t GROUP BY dept ORDER BY count(*)"));
    }
}

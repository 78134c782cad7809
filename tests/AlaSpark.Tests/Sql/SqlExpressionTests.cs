using AlaSpark.Plan;
using AlaSpark.Sql;
using AlaSpark.Types;
using static AlaSpark.Tests.Sql.N;

namespace AlaSpark.Tests.Sql;

public class SqlExpressionTests
{
    [Fact]
    public void Comparison_and_conjunction()
    {
        Assert.Equal(
            Fn("and", Fn(">", Col("amount"), Int(0)), Fn("==", Col("status"), Str("ok"))),
            Parse("amount > 0 AND status = 'ok'"));
    }

    [Fact]
    public void Function_calls_are_lower_cased()
    {
        Assert.Equal(Fn("upper", Col("name")), Parse("upper(name)"));
        Assert.Equal(Fn("upper", Col("Name")), Parse("UPPER(Name)"));
        Assert.Equal(Fn("coalesce", Col("a"), Col("b")), Parse("coalesce(a, b)"));
        Assert.Equal(Fn("current_date"), Parse("current_date()"));
        Assert.Equal(Fn("current_date"), Parse("CURRENT_DATE"));
        Assert.Equal(Fn("db.my_udf", Col("x")), Parse("db.My_Udf(x)"));
        Assert.Equal(Fn("left", Col("s"), Int(2)), Parse("left(s, 2)"));
    }

    [Fact]
    public void Distinct_and_star_arguments()
    {
        Assert.Equal(Fn("count", new UnresolvedStar()), Parse("count(*)"));
        Assert.Equal(new UnresolvedFunction("count", ValueList.Of<Expression>(Col("x")), IsDistinct: true), Parse("count(DISTINCT x)"));
        Assert.Equal(Fn("count", Col("distinct")), Parse("count(`distinct`)"));
        Assert.Equal(Fn("struct", new UnresolvedStar("t")), Parse("struct(t.*)"));
    }

    [Fact]
    public void Ignore_nulls_becomes_the_second_argument_of_first_and_last()
    {
        Assert.Equal(Fn("first", Col("x"), Bool(true)), Parse("first(x) IGNORE NULLS"));
        Assert.Equal(Fn("last", Col("x")), Parse("last(x) RESPECT NULLS"));
    }

    [Fact]
    public void Casts()
    {
        Assert.Equal(new Cast(Col("x"), DateType.Instance), Parse("cast(x as date)"));
        Assert.Equal(new Cast(Col("x"), new DecimalType(10, 2), Try: true), Parse("TRY_CAST(x AS DECIMAL(10, 2))"));
        Assert.Equal(new Cast(Col("x"), new ArrayType(new MapType(StringType.Instance, IntegerType.Instance))), Parse("CAST(x AS array<map<string,int>>)"));
        Assert.Equal(Fn("+", new Cast(Col("x"), IntegerType.Instance), Int(1)), Parse("x::int + 1"));
        Assert.Equal(Fn("<", new Cast(Col("x"), IntegerType.Instance), Int(5)), Parse("x::int < 5"));
        Assert.Equal(new Cast(Col("x"), new ArrayType(StringType.Instance)), Parse("x::array<string>"));
        Assert.Equal(new Cast(Col("x"), new DecimalType(5, 1)), Parse("x :: decimal(5,1)"));
        Assert.Equal(new Cast(new Literal(-1, IntegerType.Instance), StringType.Instance), Parse("-1::string"));
    }

    [Fact]
    public void Searched_case()
    {
        Assert.Equal(
            Fn("when", Fn(">", Col("a"), Int(1)), Str("big"), Str("small")),
            Parse("CASE WHEN a > 1 THEN 'big' ELSE 'small' END"));
        Assert.Equal(
            Fn("when", Fn(">", Col("a"), Int(1)), Str("big"), Fn("<", Col("a"), Int(0)), Str("negative")),
            Parse("case when a > 1 then 'big' when a < 0 then 'negative' end"));
    }

    [Fact]
    public void Simple_case_compares_with_equality()
    {
        Assert.Equal(
            Fn("when", Fn("==", Col("x"), Int(1)), Str("one"), Fn("==", Col("x"), Int(2)), Str("two"), Str("many")),
            Parse("CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END"));
    }

    [Fact]
    public void Null_tests()
    {
        Assert.Equal(Fn("isnotnull", Col("x")), Parse("x IS NOT NULL"));
        Assert.Equal(Fn("isnull", Col("x")), Parse("x is null"));
        Assert.Equal(Fn("isnull", Col("x")), Parse("x IS UNKNOWN"));
    }

    [Fact]
    public void Truth_tests_use_null_safe_equality()
    {
        Assert.Equal(Fn("<=>", Col("x"), Bool(true)), Parse("x IS TRUE"));
        Assert.Equal(Fn("not", Fn("<=>", Col("x"), Bool(true))), Parse("x IS NOT TRUE"));
        Assert.Equal(Fn("<=>", Col("x"), Bool(false)), Parse("x IS FALSE"));
        Assert.Equal(Fn("not", Fn("<=>", Col("x"), Bool(false))), Parse("x IS NOT FALSE"));
        Assert.Equal(Fn("not", Fn("<=>", Col("a"), Col("b"))), Parse("a IS DISTINCT FROM b"));
        Assert.Equal(Fn("<=>", Col("a"), Col("b")), Parse("a IS NOT DISTINCT FROM b"));
    }

    [Fact]
    public void In_lists()
    {
        Assert.Equal(Fn("in", Col("a"), Int(1), Int(2)), Parse("a IN (1, 2)"));
        Assert.Equal(Fn("not", Fn("in", Col("a"), Str("x"))), Parse("a NOT IN ('x')"));
        Assert.Equal(
            Fn("in", Fn("struct", Col("a"), Col("b")), Fn("struct", Int(1), Int(2)), Fn("struct", Int(3), Int(4))),
            Parse("(a, b) IN ((1, 2), (3, 4))"));
    }

    [Fact]
    public void Between()
    {
        Assert.Equal(Fn("and", Fn(">=", Col("x"), Int(1)), Fn("<=", Col("x"), Int(5))), Parse("x BETWEEN 1 AND 5"));
        Assert.Equal(
            Fn("and", Fn("not", Fn("and", Fn(">=", Col("x"), Int(1)), Fn("<=", Col("x"), Fn("+", Int(2), Int(3))))), Col("y")),
            Parse("x NOT BETWEEN 1 AND 2 + 3 AND y"));
    }

    [Fact]
    public void Like_family()
    {
        Assert.Equal(Fn("like", Col("name"), Str("a%")), Parse("name LIKE 'a%'"));
        Assert.Equal(Fn("not", Fn("like", Col("name"), Str("a%"))), Parse("name NOT LIKE 'a%'"));
        Assert.Equal(Fn("ilike", Col("name"), Str("A%")), Parse("name ILIKE 'A%'"));
        Assert.Equal(Fn("like", Col("name"), Str("a!%%"), Str("!")), Parse("name LIKE 'a!%%' ESCAPE '!'"));
        Assert.Equal(Fn("rlike", Col("name"), Str("^a.*")), Parse("name RLIKE '^a.*'"));
        Assert.Equal(Fn("rlike", Col("name"), Str("^a")), Parse("name REGEXP '^a'"));
        Assert.Equal(Fn("not", Fn("rlike", Col("name"), Str("^a"))), Parse("name NOT RLIKE '^a'"));
        Assert.Equal(Fn("or", Fn("like", Col("s"), Str("a%")), Fn("like", Col("s"), Str("b%"))), Parse("s LIKE ANY ('a%', 'b%')"));
        Assert.Equal(Fn("and", Fn("like", Col("s"), Str("a%")), Fn("like", Col("s"), Str("%b"))), Parse("s LIKE ALL ('a%', '%b')"));
        Assert.Equal(
            Fn("or", Fn("not", Fn("like", Col("s"), Str("a%"))), Fn("not", Fn("like", Col("s"), Str("b%")))),
            Parse("s NOT LIKE ANY ('a%', 'b%')"));
    }

    [Fact]
    public void Trim_forms_put_the_source_first()
    {
        Assert.Equal(Fn("trim", Col("s"), Str("x")), Parse("trim(BOTH 'x' FROM s)"));
        Assert.Equal(Fn("ltrim", Col("s"), Str("x")), Parse("TRIM(LEADING 'x' FROM s)"));
        Assert.Equal(Fn("rtrim", Col("s"), Str("x")), Parse("trim(trailing 'x' from s)"));
        Assert.Equal(Fn("ltrim", Col("s")), Parse("trim(LEADING FROM s)"));
        Assert.Equal(Fn("trim", Col("s"), Str("x")), Parse("trim('x' FROM s)"));
        Assert.Equal(Fn("trim", Col("s")), Parse("trim(s)"));
        Assert.Equal(Fn("trim", Col("both")), Parse("trim(both)"));
    }

    [Fact]
    public void Substring_position_and_extract()
    {
        Assert.Equal(Fn("substring", Col("s"), Int(2), Int(3)), Parse("SUBSTRING(s FROM 2 FOR 3)"));
        Assert.Equal(Fn("substring", Col("s"), Int(2)), Parse("substr(s FROM 2)"));
        Assert.Equal(Fn("substr", Col("s"), Int(2), Int(3)), Parse("substr(s, 2, 3)"));
        Assert.Equal(Fn("locate", Str("a"), Col("s")), Parse("POSITION('a' IN s)"));
        Assert.Equal(Fn("extract", Str("YEAR"), Col("d")), Parse("EXTRACT(YEAR FROM d)"));
        Assert.Equal(Fn("extract", Str("MONTH"), Col("d")), Parse("extract(month from d)"));
    }

    [Fact]
    public void Arithmetic_bitwise_and_concatenation_operators()
    {
        Assert.Equal(Fn("+", Fn("-", Col("a"), Col("b")), Col("c")), Parse("a - b + c"));
        Assert.Equal(Fn("%", Fn("/", Fn("*", Col("a"), Col("b")), Col("c")), Col("d")), Parse("a * b / c % d"));
        Assert.Equal(Fn("div", Col("a"), Int(2)), Parse("a DIV 2"));
        Assert.Equal(Fn("concat", Fn("concat", Col("a"), Str("-")), Col("b")), Parse("a || '-' || b"));
        Assert.Equal(Fn("|", Col("a"), Fn("^", Col("b"), Fn("&", Col("c"), Col("d")))), Parse("a | b ^ c & d"));
        Assert.Equal(Fn("~", Col("a")), Parse("~a"));
        Assert.Equal(Fn("negative", Col("a")), Parse("-a"));
        Assert.Equal(Fn("positive", Col("a")), Parse("+a"));
        Assert.Equal(Fn("negative", new Literal(-1, IntegerType.Instance)), Parse("- -1"));
        Assert.Equal(Fn("-", Col("a"), Int(-1)), Parse("a - -1"));
    }

    [Fact]
    public void Comparison_operators()
    {
        Assert.Equal(Fn("==", Col("a"), Int(1)), Parse("a == 1"));
        Assert.Equal(Fn("!=", Col("a"), Int(1)), Parse("a != 1"));
        Assert.Equal(Fn("!=", Col("a"), Int(1)), Parse("a <> 1"));
        Assert.Equal(Fn("<=>", Col("a"), Literal.Null), Parse("a <=> NULL"));
        Assert.Equal(Fn(">=", Col("a"), Int(1)), Parse("a >= 1"));
        Assert.Equal(Fn("<=", Col("a"), Int(1)), Parse("a <= 1"));
        Assert.Equal(Fn("not", Col("a")), Parse("!a"));
        Assert.Equal(Fn("not", Fn("not", Col("a"))), Parse("NOT NOT a"));
    }

    [Theory]
    [InlineData("a OR b AND c", "or(a, and(b, c))")]
    [InlineData("a AND b OR c", "or(and(a, b), c)")]
    [InlineData("NOT a AND b", "and(not(a), b)")]
    [InlineData("NOT a = b", "not(==(a, b))")]
    [InlineData("a = b AND c", "and(==(a, b), c)")]
    [InlineData("a + b * c", "+(a, *(b, c))")]
    [InlineData("(a + b) * c", "*(+(a, b), c)")]
    [InlineData("a + b = c * d", "==(+(a, b), *(c, d))")]
    [InlineData("a | b = c", "==(|(a, b), c)")]
    [InlineData("a & b + c", "&(a, +(b, c))")]
    [InlineData("a || b = c", "==(concat(a, b), c)")]
    [InlineData("-a * b", "*(negative(a), b)")]
    [InlineData("-a[0]", "negative(a[0])")]
    [InlineData("a + b IS NULL", "isnull(+(a, b))")]
    [InlineData("a = b IS NULL", "isnull(==(a, b))")]
    [InlineData("a < b = c", "==(<(a, b), c)")]
    [InlineData("a + 1 IN (2, 3)", "in(+(a, 1), 2, 3)")]
    [InlineData("NOT a IN (1)", "not(in(a, 1))")]
    [InlineData("a BETWEEN b AND c AND d", "and(and(>=(a, b), <=(a, c)), d)")]
    [InlineData("a - b - c", "-(-(a, b), c)")]
    [InlineData("a / b / c", "/(/(a, b), c)")]
    [InlineData("x::int * 2", "*(cast(x), 2)")]
    public void Precedence(string sql, string expected)
    {
        Assert.Equal(expected, Show(Parse(sql)));
    }

    /// <summary>A compact prefix rendering that makes precedence visible.</summary>
    private static string Show(Expression e) => e switch
    {
        UnresolvedFunction f => $"{f.Name}({string.Join(", ", f.Arguments.Select(Show))})",
        UnresolvedAttribute a => a.Name,
        Literal l => l.Value?.ToString() ?? "null",
        UnresolvedExtractValue x => $"{Show(x.Child)}[{Show(x.Extraction)}]",
        Cast c => $"cast({Show(c.Child)})",
        _ => e.ToString(),
    };

    [Fact]
    public void Precedence_trees_in_full()
    {
        Assert.Equal(Fn("or", Col("a"), Fn("and", Col("b"), Col("c"))), Parse("a OR b AND c"));
        Assert.Equal(Fn("+", Col("a"), Fn("*", Col("b"), Col("c"))), Parse("a + b * c"));
        Assert.Equal(Fn("and", Fn("not", Col("a")), Col("b")), Parse("NOT a AND b"));
    }

    [Fact]
    public void Runs_of_AND_and_OR_form_balanced_trees_as_in_Spark()
    {
        Assert.Equal(Fn("and", Fn("and", Col("a"), Col("b")), Col("c")), Parse("a AND b AND c"));
        Assert.Equal(Fn("and", Fn("and", Col("a"), Col("b")), Fn("and", Col("c"), Col("d"))), Parse("a AND b AND c AND d"));
        Assert.Equal(
            Fn("or", Fn("or", Fn("==", Col("x"), Int(1)), Fn("==", Col("x"), Int(2))), Fn("or", Fn("==", Col("x"), Int(3)), Fn("==", Col("x"), Int(4)))),
            Parse("x = 1 OR x = 2 OR x = 3 OR x = 4"));
    }

    [Fact]
    public void Thousands_of_OR_terms_stay_shallow()
    {
        var sql = string.Join(" OR ", Enumerable.Range(0, 5000).Select(i => $"x = {i}"));
        Assert.True(Depth(Parse(sql)) < 20);
    }

    private static int Depth(Expression e) => e is UnresolvedFunction f ? 1 + f.Arguments.Max(a => Depth(a)) : 1;

    [Fact]
    public void Names_and_back_quotes()
    {
        Assert.Equal(Col("a", "b", "c"), Parse("a.b.c"));
        Assert.Equal(Col("weird name"), Parse("`weird name`"));
        Assert.Equal(Col("a`b"), Parse("`a``b`"));
        Assert.Equal(Col("t", "a.b"), Parse("t.`a.b`"));
        Assert.Equal(Col("select"), Parse("`select`"));
        Assert.Equal(Col("1st"), Parse("1st"));
        Assert.Equal(Col("date"), Parse("date"));
    }

    [Fact]
    public void Hostile_back_quoted_name_stays_one_identifier()
    {
        Assert.Equal(Col("a`b; DROP TABLE x"), Parse("`a``b; DROP TABLE x`"));
        Assert.Equal(
            new Alias(Col("x"), "'); DROP TABLE t; --"),
            SparkSqlParser.ParseNamedExpression("x AS `'); DROP TABLE t; --`"));
        Assert.Equal(
            Fn("==", Col("o'k", "--"), Str("1")),
            Parse("`o'k`.`--` = '1'"));
    }

    [Fact]
    public void Stars()
    {
        Assert.Equal(new UnresolvedStar(), Parse("*"));
        Assert.Equal(new UnresolvedStar("t"), Parse("t.*"));
        Assert.Equal(new UnresolvedStar("db.t"), Parse("db.t.*"));
        Assert.Equal(new UnresolvedStar("`a.b`"), Parse("`a.b`.*"));
    }

    [Fact]
    public void Element_key_and_field_access()
    {
        Assert.Equal(new UnresolvedExtractValue(Col("arr"), Int(0)), Parse("arr[0]"));
        Assert.Equal(new UnresolvedExtractValue(Col("m"), Str("k")), Parse("m['k']"));
        Assert.Equal(new UnresolvedExtractValue(Fn("f", Col("x")), Str("a")), Parse("f(x).a"));
        Assert.Equal(
            new UnresolvedExtractValue(new UnresolvedExtractValue(Col("s", "arr"), Fn("+", Col("i"), Int(1))), Str("name")),
            Parse("s.arr[i + 1].name"));
        Assert.Equal(new UnresolvedExtractValue(Col("a"), Str("b")), Parse("(a).b"));
    }

    [Fact]
    public void Lambdas()
    {
        Assert.Equal(
            Fn("transform", Col("xs"), new LambdaFunction(Fn("+", new LambdaVariable("x"), Int(1)), ValueList.Of("x"))),
            Parse("transform(xs, x -> x + 1)"));
        Assert.Equal(
            Fn("aggregate", Col("xs"), Int(0), new LambdaFunction(Fn("+", new LambdaVariable("acc"), new LambdaVariable("x")), ValueList.Of("acc", "x"))),
            Parse("aggregate(xs, 0, (acc, x) -> acc + x)"));
        Assert.Equal(
            Fn("filter", Col("people"), new LambdaFunction(
                Fn("and", Fn(">", new UnresolvedExtractValue(new LambdaVariable("p"), Str("age")), Int(18)), Fn("isnotnull", Col("y"))),
                ValueList.Of("p"))),
            Parse("filter(people, p -> p.age > 18 AND y IS NOT NULL)"));
    }

    [Fact]
    public void Nested_lambdas_see_outer_parameters()
    {
        var inner = new LambdaFunction(Fn("+", new LambdaVariable("x"), new LambdaVariable("y")), ValueList.Of("y"));
        Assert.Equal(
            Fn("transform", Col("xs"), new LambdaFunction(Fn("transform", Col("ys"), inner), ValueList.Of("x"))),
            Parse("transform(xs, x -> transform(ys, y -> x + y))"));
    }

    [Fact]
    public void Named_expressions()
    {
        Assert.Equal(new Alias(Fn("*", Col("amount"), Int(2)), "doubled"), SparkSqlParser.ParseNamedExpression("amount * 2 AS doubled"));
        Assert.Equal(new Alias(Col("amount"), "a"), SparkSqlParser.ParseNamedExpression("amount a"));
        Assert.Equal(new Alias(Col("amount"), "total amount"), SparkSqlParser.ParseNamedExpression("amount `total amount`"));
        Assert.Equal(Col("amount"), SparkSqlParser.ParseNamedExpression("amount"));
        Assert.Equal(new UnresolvedStar("t"), SparkSqlParser.ParseNamedExpression("t.*"));
    }

    [Fact]
    public void Parentheses_and_comments()
    {
        Assert.Equal(Col("a"), Parse("((a))"));
        Assert.Equal(Fn("+", Col("a"), Int(1)), Parse("a /* the a */ + 1 -- plus one"));
        Assert.Equal(Fn("+", Col("a"), Int(1)), Parse("a /* nested /* comment */ still */ + 1"));
        Assert.Equal(Fn("+", Col("a"), Int(1)), Parse("a\n+\t1"));
    }

    [Fact]
    public void Intervals_become_interval_calls_with_normalized_text()
    {
        Assert.Equal(Fn("interval", Str("10 minutes")), Parse("INTERVAL '10' MINUTE"));
        Assert.Equal(Fn("interval", Str("10 minutes")), Parse("interval 10 minutes"));
        Assert.Equal(Fn("interval", Str("1 days 2 hours")), Parse("INTERVAL 1 DAY 2 HOURS"));
        Assert.Equal(Fn("interval", Str("-3 months")), Parse("INTERVAL -3 MONTH"));
        Assert.Equal(Fn("interval", Str("1.5 seconds")), Parse("INTERVAL 1.5 SECOND"));
        Assert.Equal(Fn("interval", Str("1 day 2 hours")), Parse("INTERVAL '1 day 2 hours'"));
        Assert.Equal(
            Fn("+", Col("ts"), Fn("interval", Str("1 days"))),
            Parse("ts + INTERVAL 1 DAY"));
        Assert.Equal(Col("interval"), Parse("interval"));
    }
}

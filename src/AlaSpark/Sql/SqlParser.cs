using System.Text;
using System.Text.RegularExpressions;
using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark.Sql;

/// <summary>
/// A recursive-descent parser for Spark SQL expressions (this file) and a subset of queries
/// (<c>SqlParser.Query.cs</c>). Precedence, lowest first, as in Spark:
/// OR, AND, NOT, predicates (comparison chains, IS, IN, LIKE, BETWEEN), <c>|</c>, <c>^</c>, <c>&amp;</c>,
/// <c>+ - ||</c>, <c>* / % DIV</c>, unary <c>- + ~</c>, postfix (<c>[]</c>, <c>.</c>, <c>::</c>).
/// Spark puts the comparison operators in its value grammar, below <c>|</c>; a predicate
/// (IS, IN, LIKE, BETWEEN) applies to a whole comparison chain, once.
/// </summary>
internal sealed partial class SqlParser
{
    /// <summary>Nesting limit: deeper text is refused with an error instead of overflowing the stack.</summary>
    private const int MaxDepth = 100;

    /// <summary>Operators of one level in a row (<c>a + b + c ...</c>); each makes the tree one level deeper.</summary>
    private const int MaxChain = 1000;

    /// <summary>Words that do not start an expression and are never bare aliases; a column with such a
    /// name is written back-quoted. Followed by '(' they are still function names (<c>left(s, 2)</c>).</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "IS", "IN", "LIKE", "ILIKE", "RLIKE", "REGEXP", "BETWEEN", "AS", "ESCAPE",
        "SELECT", "DISTINCT", "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "WINDOW", "QUALIFY",
        "UNION", "INTERSECT", "EXCEPT", "MINUS", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL",
        "SEMI", "ANTI", "ON", "USING", "LATERAL", "SORT", "CLUSTER", "DISTRIBUTE", "WHEN", "THEN", "ELSE", "END",
        "OVER", "FILTER", "PIVOT", "UNPIVOT", "TABLESAMPLE", "INTO", "WITH",
    };

    private static readonly Dictionary<string, string> IntervalUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["YEAR"] = "years", ["YEARS"] = "years", ["MONTH"] = "months", ["MONTHS"] = "months",
        ["WEEK"] = "weeks", ["WEEKS"] = "weeks", ["DAY"] = "days", ["DAYS"] = "days",
        ["HOUR"] = "hours", ["HOURS"] = "hours", ["MINUTE"] = "minutes", ["MINUTES"] = "minutes",
        ["SECOND"] = "seconds", ["SECONDS"] = "seconds", ["MILLISECOND"] = "milliseconds", ["MILLISECONDS"] = "milliseconds",
        ["MICROSECOND"] = "microseconds", ["MICROSECONDS"] = "microseconds",
    };

    private readonly string _sql;
    private readonly List<SqlToken> _tokens;
    private readonly bool _queryMode;
    private readonly List<string[]> _lambdaScopes = [];
    private int _i;
    private int _depth;

    public SqlParser(string sql, bool queryMode)
    {
        _sql = sql;
        _queryMode = queryMode;
        _tokens = SqlLexer.Tokenize(sql);
    }

    public Expression ParseWholeExpression()
    {
        var expression = ParseStarOrExpression();
        ExpectEnd("the end of the expression");
        return expression;
    }

    public Expression ParseWholeNamedExpression()
    {
        var expression = ParseNamedItem();
        ExpectEnd("the end of the expression");
        return expression;
    }

    // ---- tokens -------------------------------------------------------------------------------

    private SqlToken Current => _tokens[_i];

    private SqlToken Peek(int offset) => _tokens[Math.Min(_i + offset, _tokens.Count - 1)];

    private SqlToken Advance()
    {
        var token = _tokens[_i];
        if (_i < _tokens.Count - 1) _i++;
        return token;
    }

    private bool AtWord(string word) => Current.IsWord(word);

    private bool AtSymbol(string symbol) => Current.IsSymbol(symbol);

    private bool AcceptWord(string word)
    {
        if (!AtWord(word)) return false;
        Advance();
        return true;
    }

    private bool AcceptSymbol(string symbol)
    {
        if (!AtSymbol(symbol)) return false;
        Advance();
        return true;
    }

    private void ExpectWord(string word, string expected)
    {
        if (!AcceptWord(word)) throw Expected(expected);
    }

    /// <summary>Consumes the ')' that closes <paramref name="open"/>, or says which '(' is left open.</summary>
    private void ExpectClose(SqlToken open, string expected)
    {
        if (AcceptSymbol(")")) return;
        var where = SqlErrors.Position(_sql, open.Start);
        throw SqlErrors.At(_sql, Current.Start, Current.Kind == TokenKind.End
            ? $"expected ')' to close the '(' at {where}"
            : $"expected {expected} to close the '(' at {where}, found {Current.Describe()}");
    }

    private void ExpectEnd(string expected)
    {
        if (Current.Kind == TokenKind.End) return;
        if (AtSymbol(")")) throw SqlErrors.At(_sql, Current.Start, "unexpected ')' (it has no matching '(')");
        throw Expected(expected);
    }

    private AlaSparkException Expected(string what) =>
        SqlErrors.At(_sql, Current.Start, Current.Kind == TokenKind.End ? $"expected {what}" : $"expected {what}, found {Current.Describe()}");

    private AlaSparkException Unsupported(string what, SqlToken at) =>
        SqlErrors.Unsupported(_sql, at.Start, what, _queryMode ? QuerySubset : null);

    private AlaSparkException ErrorAt(SqlToken at, string message) => SqlErrors.At(_sql, at.Start, message);

    private void Enter()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (++_depth > MaxDepth)
            throw SqlErrors.At(_sql, Current.Start, $"the expression is nested too deeply (more than {MaxDepth} levels)");
    }

    private static bool IsArgumentEnd(SqlToken token) => token.IsSymbol(")") || token.IsSymbol(",") || token.IsSymbol(".");

    private static bool CanBeBareAlias(SqlToken token) =>
        token.Kind == TokenKind.QuotedIdentifier || (token.Kind == TokenKind.Word && !Reserved.Contains(token.Text));

    // ---- node helpers -------------------------------------------------------------------------

    private static UnresolvedFunction Fn(string name, params Expression[] arguments) => new(name, arguments);

    private static UnresolvedFunction Fn(string name, IEnumerable<Expression> arguments) => new(name, arguments.ToValueList());

    private static Literal Text(string value) => new(value, StringType.Instance);

    // ---- named expressions and stars ----------------------------------------------------------

    /// <summary><c>expr [[AS] alias]</c>, or a star.</summary>
    private Expression ParseNamedItem()
    {
        var start = Current;
        var expression = ParseStarOrExpression();
        string name;
        if (AtWord("AS"))
        {
            Advance();
            if (AtSymbol("(")) throw Unsupported("Multi-column aliases (AS (a, b)) are", Current);
            if (!Current.IsIdentifier) throw Expected("an alias after AS");
            name = Advance().Text;
        }
        else if (CanBeBareAlias(Current))
        {
            name = Advance().Text;
        }
        else
        {
            return expression;
        }
        if (expression is UnresolvedStar) throw ErrorAt(start, "a star (*) cannot have an alias");
        return new Alias(expression, name);
    }

    /// <summary><c>*</c>, <c>t.*</c> (target <c>t</c>; parts that need it are back-quoted), or an expression.
    /// Stars are allowed only where this is called: a whole select item or a function argument.</summary>
    private Expression ParseStarOrExpression()
    {
        if (AcceptSymbol("*")) return new UnresolvedStar();
        var k = 0;
        while (Peek(k).IsIdentifier && Peek(k + 1).IsSymbol("."))
        {
            if (Peek(k + 2).IsSymbol("*"))
            {
                var parts = new List<string>();
                for (var j = 0; j <= k; j += 2) parts.Add(DdlParser.QuoteIdentifier(Peek(j).Text));
                _i += k + 3;
                return new UnresolvedStar(string.Join(".", parts));
            }
            k += 2;
        }
        return ParseExpr();
    }

    // ---- boolean levels -----------------------------------------------------------------------

    private Expression ParseExpr()
    {
        Enter();
        try
        {
            var terms = new List<Expression> { ParseAnd() };
            while (AcceptWord("OR")) terms.Add(ParseAnd());
            return Balanced("or", terms, 0, terms.Count - 1);
        }
        finally
        {
            _depth--;
        }
    }

    private Expression ParseAnd()
    {
        var terms = new List<Expression> { ParseNot() };
        while (AcceptWord("AND")) terms.Add(ParseNot());
        return Balanced("and", terms, 0, terms.Count - 1);
    }

    /// <summary>Combines a run of AND (or OR) terms as Spark does: into a balanced tree, so that long
    /// generated conditions stay shallow (<c>a AND b AND c</c> is and(and(a, b), c)).</summary>
    private static Expression Balanced(string name, List<Expression> terms, int low, int high) => (high - low) switch
    {
        0 => terms[low],
        1 => Fn(name, terms[low], terms[high]),
        var span => Fn(name, Balanced(name, terms, low, low + span / 2), Balanced(name, terms, low + span / 2 + 1, high)),
    };

    /// <summary>Counts one more operator of a left-associative run; refuses runs that would make the tree too deep.</summary>
    private void Chain(ref int count)
    {
        if (++count > MaxChain)
            throw SqlErrors.At(_sql, Current.Start, $"too many operators in a row (more than {MaxChain}); split the expression");
    }

    private Expression ParseNot()
    {
        if (!AtWord("NOT") && !AtSymbol("!")) return ParsePredicate();
        Advance();
        Enter();
        try
        {
            return Fn("not", ParseNot());
        }
        finally
        {
            _depth--;
        }
    }

    private Expression ParsePredicate()
    {
        var value = ParseComparison();
        var negated = false;
        if (AtWord("NOT") && Peek(1) is { Kind: TokenKind.Word } next &&
            (next.IsWord("BETWEEN") || next.IsWord("IN") || next.IsWord("LIKE") || next.IsWord("ILIKE") || next.IsWord("RLIKE") || next.IsWord("REGEXP")))
        {
            Advance();
            negated = true;
        }
        Expression result;
        if (AcceptWord("BETWEEN"))
        {
            var lower = ParseComparison();
            ExpectWord("AND", "AND between the bounds of BETWEEN");
            var upper = ParseComparison();
            result = Fn("and", Fn(">=", value, lower), Fn("<=", value, upper));
        }
        else if (AtWord("IN"))
        {
            result = ParseIn(value);
        }
        else if (AtWord("LIKE") || AtWord("ILIKE"))
        {
            return ParseLike(value, negated);
        }
        else if (AcceptWord("RLIKE") || AcceptWord("REGEXP"))
        {
            result = Fn("rlike", value, ParseComparison());
        }
        else if (AtWord("IS"))
        {
            return ParseIs(value);
        }
        else
        {
            return value;
        }
        return negated ? Fn("not", result) : result;
    }

    private Expression ParseIn(Expression value)
    {
        Advance();
        if (!AtSymbol("(")) throw Expected("'(' after IN");
        var open = Advance();
        if (AtWord("SELECT") || AtWord("WITH")) throw Unsupported("Subqueries (IN (SELECT ...)) are", Current);
        if (AtSymbol(")")) throw Expected("a value in the IN list");
        var arguments = new List<Expression> { value };
        do arguments.Add(ParseExpr()); while (AcceptSymbol(","));
        ExpectClose(open, "',' or ')'");
        return Fn("in", arguments);
    }

    /// <summary><c>LIKE</c>/<c>ILIKE</c> pattern [ESCAPE 'c'], or <c>LIKE ANY|SOME|ALL (p1, p2, ...)</c>,
    /// which becomes an or/and of single LIKEs (NOT applying to each, as in Spark's NOT LIKE ANY).</summary>
    private Expression ParseLike(Expression value, bool negated)
    {
        var name = Advance().Text.ToLowerInvariant();
        if ((AtWord("ANY") || AtWord("SOME") || AtWord("ALL")) && Peek(1).IsSymbol("("))
        {
            var all = AtWord("ALL");
            Advance();
            var open = Advance();
            if (AtSymbol(")")) throw Expected("a pattern");
            var likes = new List<Expression>();
            do
            {
                Expression like = Fn(name, value, ParseExpr());
                likes.Add(negated ? Fn("not", like) : like);
            } while (AcceptSymbol(","));
            ExpectClose(open, "',' or ')'");
            return Balanced(all ? "and" : "or", likes, 0, likes.Count - 1);
        }
        var pattern = ParseComparison();
        Expression result;
        if (AcceptWord("ESCAPE"))
        {
            if (Current.Kind != TokenKind.String) throw Expected("a one-character string after ESCAPE");
            var escape = Advance();
            if (escape.Text.Length != 1) throw ErrorAt(escape, "the ESCAPE string must be exactly one character");
            result = Fn(name, value, pattern, Text(escape.Text));
        }
        else
        {
            result = Fn(name, value, pattern);
        }
        return negated ? Fn("not", result) : result;
    }

    /// <summary><c>IS [NOT] NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM x</c>. <c>x IS TRUE</c> is
    /// <c>x &lt;=&gt; true</c> (false, not null, when x is null), as Spark defines it.</summary>
    private Expression ParseIs(Expression value)
    {
        Advance();
        var not = AcceptWord("NOT");
        if (AcceptWord("NULL") || AcceptWord("UNKNOWN")) return Fn(not ? "isnotnull" : "isnull", value);
        if (AtWord("TRUE") || AtWord("FALSE"))
        {
            var truth = Advance().IsWord("TRUE");
            Expression test = Fn("<=>", value, new Literal(truth, BooleanType.Instance));
            return not ? Fn("not", test) : test;
        }
        if (AcceptWord("DISTINCT"))
        {
            ExpectWord("FROM", "FROM after IS DISTINCT");
            Expression same = Fn("<=>", value, ParseComparison());
            return not ? same : Fn("not", same);
        }
        throw Expected($"NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS{(not ? " NOT" : "")}");
    }

    // ---- value levels -------------------------------------------------------------------------

    private Expression ParseComparison()
    {
        var left = ParseBitOr();
        var count = 0;
        while (Current.Kind == TokenKind.Symbol && ComparisonName(Current.Text) is { } name)
        {
            Chain(ref count);
            Advance();
            left = Fn(name, left, ParseBitOr());
        }
        return left;
    }

    private static string? ComparisonName(string symbol) => symbol switch
    {
        "=" or "==" => "==",
        "!=" or "<>" => "!=",
        "<=>" or "<" or "<=" or ">" or ">=" => symbol,
        _ => null,
    };

    private Expression ParseBitOr()
    {
        var left = ParseBitXor();
        var count = 0;
        while (AcceptSymbol("|"))
        {
            Chain(ref count);
            left = Fn("|", left, ParseBitXor());
        }
        return left;
    }

    private Expression ParseBitXor()
    {
        var left = ParseBitAnd();
        var count = 0;
        while (AcceptSymbol("^"))
        {
            Chain(ref count);
            left = Fn("^", left, ParseBitAnd());
        }
        return left;
    }

    private Expression ParseBitAnd()
    {
        var left = ParseAdditive();
        var count = 0;
        while (AcceptSymbol("&"))
        {
            Chain(ref count);
            left = Fn("&", left, ParseAdditive());
        }
        return left;
    }

    private Expression ParseAdditive()
    {
        var left = ParseMultiplicative();
        var count = 0;
        while (true)
        {
            Chain(ref count);
            if (AcceptSymbol("+")) left = Fn("+", left, ParseMultiplicative());
            else if (AcceptSymbol("-")) left = Fn("-", left, ParseMultiplicative());
            else if (AcceptSymbol("||")) left = Fn("concat", left, ParseMultiplicative());
            else return left;
        }
    }

    private Expression ParseMultiplicative()
    {
        var left = ParseUnary();
        var count = 0;
        while (true)
        {
            Chain(ref count);
            if (AcceptSymbol("*")) left = Fn("*", left, ParseUnary());
            else if (AcceptSymbol("/")) left = Fn("/", left, ParseUnary());
            else if (AcceptSymbol("%")) left = Fn("%", left, ParseUnary());
            else if (AcceptWord("DIV")) left = Fn("div", left, ParseUnary());
            else return left;
        }
    }

    /// <summary>Unary <c>-</c>, <c>+</c>, <c>~</c>. A sign directly before a number is part of the
    /// literal, as in Spark's grammar (<c>-2147483648</c> is an int, <c>-1::string</c> casts -1).</summary>
    private Expression ParseUnary()
    {
        if (AtSymbol("-") || AtSymbol("+") || AtSymbol("~"))
        {
            var op = Advance().Text;
            if (op != "~" && Current.Kind == TokenKind.Number) return ParsePostfix(NumberLiteral(Advance(), op == "-"));
            Enter();
            try
            {
                var operand = ParseUnary();
                return Fn(op switch { "-" => "negative", "+" => "positive", _ => "~" }, operand);
            }
            finally
            {
                _depth--;
            }
        }
        return ParsePostfix(ParsePrimary());
    }

    private Expression ParsePostfix(Expression expression)
    {
        var count = 0;
        while (true)
        {
            Chain(ref count);
            if (AtSymbol("["))
            {
                var open = Advance();
                var key = ParseExpr();
                if (!AcceptSymbol("]")) throw Expected($"']' to close the '[' at {SqlErrors.Position(_sql, open.Start)}");
                expression = new UnresolvedExtractValue(expression, key);
            }
            else if (AtSymbol("."))
            {
                Advance();
                if (AtSymbol("*")) throw ErrorAt(Current, "'.*' can only follow a table or column name");
                if (!Current.IsIdentifier) throw Expected("a field name after '.'");
                expression = new UnresolvedExtractValue(expression, Text(Advance().Text));
            }
            else if (AtSymbol("::"))
            {
                Advance();
                expression = new Cast(expression, ParseShortCastType());
            }
            else
            {
                return expression;
            }
        }
    }

    // ---- primaries ----------------------------------------------------------------------------

    private Expression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return NumberLiteral(token, negative: false);
            case TokenKind.String:
                return Text(ParseStrings());
            case TokenKind.QuotedIdentifier:
                return ParseName();
            case TokenKind.Word:
                return ParseWord();
            case TokenKind.Symbol when token.Text == "(":
                return ParseParenthesized();
            case TokenKind.Symbol when token.Text == "*":
                throw ErrorAt(token, "a star (*) can only be a whole select item or a function argument");
            default:
                throw Expected("an expression");
        }
    }

    private Expression ParseWord()
    {
        var token = Current;
        var next = Peek(1);
        var upper = token.Text.ToUpperInvariant();
        if (next.IsSymbol("->")) return ParseLambda([token.Text], 1);
        if (next.IsSymbol("("))
        {
            switch (upper)
            {
                case "CAST": return ParseCast(isTry: false);
                case "TRY_CAST": return ParseCast(isTry: true);
                case "TRIM": return ParseTrim();
                case "SUBSTRING": case "SUBSTR": return ParseSubstring();
                case "POSITION": return ParsePosition();
                case "EXTRACT": return ParseExtract();
                case "EXISTS": throw Unsupported("Subqueries (EXISTS) are", token);
            }
        }
        switch (upper)
        {
            case "NULL":
                Advance();
                return Literal.Null;
            case "TRUE":
            case "FALSE":
                Advance();
                return new Literal(upper == "TRUE", BooleanType.Instance);
            case "CASE":
                return ParseCase();
            case "INTERVAL" when StartsIntervalValue(1):
                return ParseInterval();
            case "DATE" or "TIMESTAMP" or "TIMESTAMP_LTZ" or "TIMESTAMP_NTZ" or "X" when next.Kind == TokenKind.String:
                return ParseTypedLiteral();
            case "CURRENT_DATE" or "CURRENT_TIMESTAMP" or "CURRENT_USER" when !next.IsSymbol("("):
                Advance();
                return Fn(upper.ToLowerInvariant());
        }
        if (Reserved.Contains(token.Text) && !next.IsSymbol("(")) throw Expected("an expression");
        return ParseName();
    }

    /// <summary>A name: a column (<c>a.b.c</c>), a lambda parameter (fields of it become extractions)
    /// or, before '(', a function (lower-cased).</summary>
    private Expression ParseName()
    {
        var first = Advance();
        var parts = new List<string> { first.Text };
        while (AtSymbol(".") && Peek(1).IsIdentifier)
        {
            Advance();
            parts.Add(Advance().Text);
        }
        if (AtSymbol(".") && Peek(1).IsSymbol("*"))
            throw ErrorAt(Peek(1), "a star (t.*) can only be a whole select item or a function argument");
        if (AtSymbol("(")) return ParseFunctionCall(string.Join(".", parts).ToLowerInvariant());
        if (FindLambdaVariable(parts[0]) is { } variable)
        {
            Expression expression = new LambdaVariable(variable);
            foreach (var field in parts.Skip(1)) expression = new UnresolvedExtractValue(expression, Text(field));
            return expression;
        }
        return new UnresolvedAttribute(parts.ToValueList());
    }

    private Expression ParseFunctionCall(string name)
    {
        var open = Advance();
        var distinct = false;
        var arguments = new List<Expression>();
        if (!AtSymbol(")"))
        {
            if (AtWord("DISTINCT") && !IsArgumentEnd(Peek(1)))
            {
                Advance();
                distinct = true;
            }
            else if (AtWord("ALL") && !IsArgumentEnd(Peek(1)))
            {
                Advance();
            }
            do
            {
                arguments.Add(ParseStarOrExpression());
                if (AtSymbol("=>")) throw Unsupported("Named function arguments (=>) are", Current);
            } while (AcceptSymbol(","));
        }
        ExpectClose(open, $"',' or ')'");
        if ((AtWord("IGNORE") || AtWord("RESPECT")) && Peek(1).IsWord("NULLS"))
        {
            var option = Advance();
            Advance();
            if (name is not ("first" or "last" or "first_value" or "last_value" or "any_value") || arguments.Count != 1)
                throw Unsupported($"{option.Text.ToUpperInvariant()} NULLS on {name}(...) is", option);
            // Spark's first(x) IGNORE NULLS is first(x, true).
            if (option.IsWord("IGNORE")) arguments.Add(new Literal(true, BooleanType.Instance));
        }
        if (AtWord("FILTER") && Peek(1).IsSymbol("(")) throw Unsupported("Aggregate FILTER (WHERE ...) clauses are", Current);
        if (AtWord("WITHIN") && Peek(1).IsWord("GROUP")) throw Unsupported("WITHIN GROUP clauses are", Current);
        if (AtWord("OVER")) throw Unsupported("Window functions (OVER) are", Current);
        return new UnresolvedFunction(name, arguments.ToValueList(), distinct);
    }

    /// <summary><c>(expr)</c>, a struct <c>(a, b)</c> (Spark's row constructor: <c>struct(a, b)</c>),
    /// or a lambda <c>(x, y) -&gt; body</c>.</summary>
    private Expression ParseParenthesized()
    {
        var k = 1;
        var names = new List<string>();
        while (Peek(k).IsIdentifier)
        {
            names.Add(Peek(k).Text);
            if (!Peek(k + 1).IsSymbol(",")) break;
            k += 2;
        }
        if (names.Count > 0 && Peek(k).IsIdentifier && Peek(k + 1).IsSymbol(")") && Peek(k + 2).IsSymbol("->"))
            return ParseLambda(names, k + 2);

        var open = Advance();
        if (AtWord("SELECT") || AtWord("WITH") || AtWord("VALUES")) throw Unsupported("Subqueries are", Current);
        var items = new List<Expression>();
        do
        {
            var item = ParseExpr();
            if (AcceptWord("AS"))
            {
                if (!Current.IsIdentifier) throw Expected("a field name after AS");
                item = new Alias(item, Advance().Text);
            }
            items.Add(item);
        } while (AcceptSymbol(","));
        ExpectClose(open, "an operator, ',' or ')'");
        if (items.Count > 1) return Fn("struct", items);
        if (items[0] is Alias) throw ErrorAt(open, "a named field in parentheses needs a struct of two or more fields, e.g. (a AS x, b AS y)");
        return items[0];
    }

    /// <summary>Parses <c>params -&gt; body</c>; <paramref name="arrowOffset"/> is where '->' is.</summary>
    private Expression ParseLambda(List<string> parameters, int arrowOffset)
    {
        var start = Current;
        var duplicate = parameters.GroupBy(p => p, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw ErrorAt(start, $"the lambda names its parameter '{duplicate.Key}' twice");
        _i += arrowOffset + 1;
        _lambdaScopes.Add([.. parameters]);
        try
        {
            var body = ParseExpr();
            return new LambdaFunction(body, parameters.ToValueList());
        }
        finally
        {
            _lambdaScopes.RemoveAt(_lambdaScopes.Count - 1);
        }
    }

    private string? FindLambdaVariable(string name)
    {
        for (var s = _lambdaScopes.Count - 1; s >= 0; s--)
        {
            foreach (var parameter in _lambdaScopes[s])
                if (string.Equals(parameter, name, StringComparison.OrdinalIgnoreCase)) return parameter;
        }
        return null;
    }

    /// <summary><c>CASE WHEN c THEN v ... [ELSE e] END</c> is <c>when(c1, v1, c2, v2, ..., [e])</c>;
    /// <c>CASE x WHEN v THEN r ...</c> compares with <c>==</c>.</summary>
    private Expression ParseCase()
    {
        Advance();
        Expression? subject = AtWord("WHEN") ? null : ParseExpr();
        if (!AtWord("WHEN")) throw Expected("WHEN");
        var arguments = new List<Expression>();
        while (AcceptWord("WHEN"))
        {
            var condition = ParseExpr();
            ExpectWord("THEN", "THEN");
            arguments.Add(subject is null ? condition : Fn("==", subject, condition));
            arguments.Add(ParseExpr());
        }
        if (AcceptWord("ELSE")) arguments.Add(ParseExpr());
        ExpectWord("END", arguments.Count % 2 == 0 ? "WHEN, ELSE or END" : "END");
        return Fn("when", arguments);
    }

    private Expression ParseCast(bool isTry)
    {
        var name = Advance().Text.ToUpperInvariant();
        var open = Advance();
        var child = ParseExpr();
        ExpectWord("AS", $"AS and a data type in {name}(value AS type)");
        var typeStart = _i;
        var depth = 0;
        while (Current.Kind != TokenKind.End && !(depth == 0 && AtSymbol(")")))
        {
            if (AtSymbol("(")) depth++;
            else if (AtSymbol(")")) depth--;
            Advance();
        }
        if (_i == typeStart) throw Expected("a data type");
        var type = TypeOfTokens(typeStart, _i);
        ExpectClose(open, "')'");
        return new Cast(child, type, isTry);
    }

    /// <summary>The type after <c>::</c>: a name, then a balanced <c>(...)</c> or <c>&lt;...&gt;</c>.</summary>
    private DataType ParseShortCastType()
    {
        if (!Current.IsIdentifier) throw Expected("a data type after '::'");
        var start = _i;
        var name = Advance();
        var takesAngles = name.IsWord("ARRAY") || name.IsWord("MAP") || name.IsWord("STRUCT");
        if (AtSymbol("(") || (takesAngles && AtSymbol("<")))
        {
            var opening = Current;
            var (open, close) = AtSymbol("(") ? ("(", ")") : ("<", ">");
            var depth = 0;
            do
            {
                if (Current.Kind == TokenKind.End)
                    throw Expected($"'{close}' to close the '{open}' at {SqlErrors.Position(_sql, opening.Start)}");
                if (AtSymbol(open)) depth++;
                else if (AtSymbol(close)) depth--;
                Advance();
            } while (depth > 0);
        }
        return TypeOfTokens(start, _i);
    }

    private DataType TypeOfTokens(int from, int to)
    {
        var first = _tokens[from];
        var text = _sql[first.Start.._tokens[to - 1].End];
        if (text.Count(c => c is '<' or '(') > 32) throw ErrorAt(first, "the data type is nested too deeply");
        try
        {
            return DataType.Parse(text);
        }
        catch (AlaSparkException e)
        {
            var reason = Regex.Match(e.Message, "^Cannot parse the schema \".*\": (.*) at position \\d+\\.$", RegexOptions.Singleline);
            throw ErrorAt(first, $"'{SqlErrors.Shorten(text, 40)}' is not a valid data type ({(reason.Success ? reason.Groups[1].Value : e.Message)})");
        }
        catch (OverflowException)
        {
            throw ErrorAt(first, $"'{SqlErrors.Shorten(text, 40)}' is not a valid data type (a number in it is too large)");
        }
    }

    /// <summary><c>TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)</c> is trim/ltrim/rtrim(s[, chars]);
    /// <c>trim(s[, chars])</c> is an ordinary call.</summary>
    private Expression ParseTrim()
    {
        Advance();
        var open = Advance();
        var name = "trim";
        var sawOption = false;
        if ((AtWord("BOTH") || AtWord("LEADING") || AtWord("TRAILING")) && !IsArgumentEnd(Peek(1)) && !Peek(1).IsSymbol("("))
        {
            name = Advance().Text.ToUpperInvariant() switch { "LEADING" => "ltrim", "TRAILING" => "rtrim", _ => "trim" };
            sawOption = true;
        }
        if (AcceptWord("FROM"))
        {
            var source = ParseExpr();
            ExpectClose(open, "')'");
            return Fn(name, source);
        }
        var first = ParseExpr();
        if (AcceptWord("FROM"))
        {
            var source = ParseExpr();
            ExpectClose(open, "')'");
            return Fn(name, source, first);
        }
        if (sawOption) throw Expected("FROM in TRIM(... FROM string)");
        var arguments = new List<Expression> { first };
        while (AcceptSymbol(",")) arguments.Add(ParseExpr());
        ExpectClose(open, "',' or ')'");
        return Fn("trim", arguments);
    }

    /// <summary><c>SUBSTRING(s FROM p [FOR l])</c> is substring(s, p[, l]); the comma form is an ordinary call.</summary>
    private Expression ParseSubstring()
    {
        var name = Advance().Text.ToLowerInvariant();
        var open = Advance();
        var arguments = new List<Expression> { ParseExpr() };
        if (AcceptWord("FROM"))
        {
            name = "substring";
            arguments.Add(ParseExpr());
            if (AcceptWord("FOR")) arguments.Add(ParseExpr());
        }
        else
        {
            while (AcceptSymbol(",")) arguments.Add(ParseExpr());
        }
        ExpectClose(open, "',' or ')'");
        return Fn(name, arguments);
    }

    /// <summary><c>POSITION(a IN b)</c> is locate(a, b); the comma form is an ordinary call.</summary>
    private Expression ParsePosition()
    {
        Advance();
        var open = Advance();
        var first = ParseComparison();
        if (AcceptWord("IN"))
        {
            var text = ParseComparison();
            ExpectClose(open, "')'");
            return Fn("locate", first, text);
        }
        var arguments = new List<Expression> { first };
        while (AcceptSymbol(",")) arguments.Add(ParseExpr());
        ExpectClose(open, "IN, ',' or ')'");
        return Fn("position", arguments);
    }

    /// <summary><c>EXTRACT(field FROM source)</c> is extract('FIELD', source), the field upper-cased.</summary>
    private Expression ParseExtract()
    {
        Advance();
        var open = Advance();
        if (!Current.IsIdentifier) throw Expected("a field such as YEAR in EXTRACT(field FROM source)");
        var field = Advance().Text.ToUpperInvariant();
        ExpectWord("FROM", "FROM in EXTRACT(field FROM source)");
        var source = ParseExpr();
        ExpectClose(open, "')'");
        return Fn("extract", Text(field), source);
    }

    /// <summary>True when the token at <paramref name="offset"/> starts an interval value: a number, a
    /// string, or a sign and one of them.</summary>
    private bool StartsIntervalValue(int offset)
    {
        var token = Peek(offset);
        if (token.IsSymbol("-") || token.IsSymbol("+")) token = Peek(offset + 1);
        return token.Kind is TokenKind.Number or TokenKind.String;
    }

    private bool StartsIntervalPart()
    {
        if (!StartsIntervalValue(0)) return false;
        var unitOffset = AtSymbol("-") || AtSymbol("+") ? 2 : 1;
        var unit = Peek(unitOffset);
        return unit.Kind == TokenKind.Word && IntervalUnits.ContainsKey(unit.Text);
    }

    /// <summary><c>INTERVAL '10' MINUTE</c>, <c>INTERVAL 1 DAY 2 HOURS</c>, <c>INTERVAL '1 day'</c>: the
    /// call <c>interval('10 minutes')</c>, units lower-case and plural.</summary>
    private Expression ParseInterval()
    {
        Advance();
        var parts = new List<string>();
        do
        {
            var negative = false;
            if (AtSymbol("-") || AtSymbol("+")) negative = Advance().Text == "-";
            var valueToken = Current;
            string value;
            if (Current.Kind == TokenKind.String)
            {
                value = ParseStrings().Trim();
            }
            else
            {
                if (!Current.Text.All(c => char.IsAsciiDigit(c) || c == '.'))
                    throw ErrorAt(Current, $"an interval needs a plain number, not '{Current.Text}'");
                value = Advance().Text;
            }
            if (negative) value = value.StartsWith('-') ? value[1..] : "-" + value;
            if (Current.Kind == TokenKind.Word && IntervalUnits.TryGetValue(Current.Text, out var unit))
            {
                if (Peek(1).IsWord("TO")) throw Unsupported("Interval ranges (INTERVAL ... TO ...) are", Peek(1));
                if (!Regex.IsMatch(value, @"^[+-]?(\d+(\.\d*)?|\.\d+)$"))
                    throw ErrorAt(valueToken, $"'{SqlErrors.Shorten(value, 30)}' is not a number of {unit}");
                Advance();
                parts.Add(value + " " + unit);
            }
            else if (parts.Count == 0 && valueToken.Kind == TokenKind.String)
            {
                if (value.Length == 0) throw ErrorAt(valueToken, "the interval is empty");
                parts.Add(value);
                break;
            }
            else
            {
                throw Expected("an interval unit (YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND or MICROSECOND)");
            }
        } while (StartsIntervalPart());
        return Fn("interval", Text(string.Join(" ", parts)));
    }

    private Expression ParseTypedLiteral()
    {
        var kind = Advance().Text.ToUpperInvariant();
        var valueToken = Current;
        var text = ParseStrings();
        switch (kind)
        {
            case "DATE":
                return SqlLiterals.Date(text) is { } date
                    ? new Literal(date, DateType.Instance)
                    : throw ErrorAt(valueToken, $"'{SqlErrors.Shorten(text, 40)}' is not a valid DATE literal (expected yyyy-MM-dd)");
            case "X":
                return SqlLiterals.Hex(text) is { } bytes
                    ? new Literal(bytes, BinaryType.Instance)
                    : throw ErrorAt(valueToken, $"'{SqlErrors.Shorten(text, 40)}' is not a valid binary literal (expected hexadecimal digits)");
            default:
                var ntz = kind == "TIMESTAMP_NTZ";
                if (SqlLiterals.Timestamp(text, allowZone: !ntz, out var why) is { } timestamp)
                    return new Literal(timestamp, ntz ? TimestampNtzType.Instance : TimestampType.Instance);
                throw ErrorAt(valueToken, $"'{SqlErrors.Shorten(text, 40)}' is not a valid {kind} literal " +
                    (why.Length > 0 ? $"({why})" : "(expected yyyy-MM-dd HH:mm:ss[.ffffff][zone])"));
        }
    }

    /// <summary>One or more adjacent string literals, concatenated as in Spark (<c>'a' 'b'</c> is 'ab').</summary>
    private string ParseStrings()
    {
        var text = new StringBuilder(Advance().Text);
        while (Current.Kind == TokenKind.String) text.Append(Advance().Text);
        return text.ToString();
    }

    private Literal NumberLiteral(SqlToken token, bool negative) =>
        SqlLiterals.Number(token.Text, negative, out var error) ?? throw ErrorAt(token, error);
}

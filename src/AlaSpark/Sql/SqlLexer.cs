using System.Globalization;
using System.Text;

namespace AlaSpark.Sql;

internal enum TokenKind
{
    /// <summary>A plain word: an identifier or a keyword (<see cref="SqlToken.Text"/> as written).</summary>
    Word,
    /// <summary>A back-quoted identifier (<see cref="SqlToken.Text"/> is the name, unescaped).</summary>
    QuotedIdentifier,
    /// <summary>A string literal (<see cref="SqlToken.Text"/> is the value, unescaped).</summary>
    String,
    /// <summary>A numeric literal (<see cref="SqlToken.Text"/> as written, suffix included).</summary>
    Number,
    /// <summary>An operator or punctuation.</summary>
    Symbol,
    /// <summary>The end of the text.</summary>
    End,
}

/// <summary>A token with its place in the text: <see cref="Start"/> is the index of its first
/// character, <see cref="End"/> the index after its last.</summary>
internal readonly record struct SqlToken(TokenKind Kind, string Text, int Start, int End)
{
    public bool IsIdentifier => Kind is TokenKind.Word or TokenKind.QuotedIdentifier;

    public bool IsWord(string word) => Kind == TokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    /// <summary>How an error message names this token.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the text",
        TokenKind.String => "the string " + SqlErrors.Shorten("'" + Text.Replace("'", "\\'") + "'", 30),
        TokenKind.QuotedIdentifier => SqlErrors.Shorten("`" + Text.Replace("`", "``") + "`", 30),
        _ => "'" + SqlErrors.Shorten(Text, 30) + "'",
    };
}

/// <summary>
/// Splits Spark SQL text into tokens. Follows Spark's lexer: keywords and suffixes are
/// case-insensitive, <c>--</c> and (nested) <c>/* */</c> are comments, strings take single or
/// double quotes with backslash escapes, back-quotes delimit identifiers.
/// </summary>
internal sealed class SqlLexer
{
    private static readonly string[] Symbols =
    [
        "<=>", "<=", "<>", ">=", "==", "!=", "||", "::", "->", "=>",
        "<", ">", "=", "!", "|", "&", "^", "~", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", ".", ";", ":",
    ];

    private readonly string _sql;
    private readonly List<SqlToken> _tokens = [];
    private int _pos;

    private SqlLexer(string sql) => _sql = sql;

    public static List<SqlToken> Tokenize(string sql)
    {
        var lexer = new SqlLexer(sql);
        lexer.Run();
        return lexer._tokens;
    }

    private bool AtEnd => _pos >= _sql.Length;

    private char Peek(int offset = 0) => _pos + offset < _sql.Length ? _sql[_pos + offset] : '\0';

    private void Run()
    {
        while (true)
        {
            SkipSpaceAndComments();
            if (AtEnd)
            {
                _tokens.Add(new SqlToken(TokenKind.End, "", _sql.Length, _sql.Length));
                return;
            }
            var c = Peek();
            if (c == '`') QuotedIdentifier();
            else if (c is '\'' or '"') StringLiteral(raw: false);
            else if (c is 'r' or 'R' && Peek(1) is '\'' or '"') { _pos++; StringLiteral(raw: true, start: _pos - 1); }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1)) && !PreviousEndsAValue())) NumberOrWord();
            else if (IsWordStart(c)) Word(_pos);
            else Symbol();
        }
    }

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>True when the previous token ends a value, so that a following '.' is field access.</summary>
    private bool PreviousEndsAValue()
    {
        if (_tokens.Count == 0) return false;
        var last = _tokens[^1];
        return last.IsIdentifier || last.IsSymbol(")") || last.IsSymbol("]");
    }

    private void SkipSpaceAndComments()
    {
        while (!AtEnd)
        {
            var c = Peek();
            if (char.IsWhiteSpace(c)) { _pos++; continue; }
            if (c == '-' && Peek(1) == '-')
            {
                while (!AtEnd && Peek() != '\n') _pos++;
                continue;
            }
            if (c == '/' && Peek(1) == '*')
            {
                var start = _pos;
                var depth = 0;
                do
                {
                    if (AtEnd) throw SqlErrors.At(_sql, start, "unterminated comment (a '/*' has no closing '*/')");
                    if (Peek() == '/' && Peek(1) == '*') { depth++; _pos += 2; }
                    else if (Peek() == '*' && Peek(1) == '/') { depth--; _pos += 2; }
                    else _pos++;
                } while (depth > 0);
                continue;
            }
            return;
        }
    }

    private void QuotedIdentifier()
    {
        var start = _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd) throw SqlErrors.At(_sql, start, "unterminated back-quoted name (a '`' has no closing '`')");
            var c = _sql[_pos++];
            if (c == '`')
            {
                if (Peek() == '`') { sb.Append('`'); _pos++; continue; }
                break;
            }
            sb.Append(c);
        }
        if (sb.Length == 0) throw SqlErrors.At(_sql, start, "a back-quoted name is empty");
        _tokens.Add(new SqlToken(TokenKind.QuotedIdentifier, sb.ToString(), start, _pos));
    }

    private void StringLiteral(bool raw, int start = -1)
    {
        if (start < 0) start = _pos;
        var quote = _sql[_pos++];
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd) throw SqlErrors.At(_sql, start, $"unterminated string literal (a {quote} has no closing {quote})");
            var c = _sql[_pos++];
            if (c == quote)
            {
                // A doubled quote inside the literal stands for the quote itself.
                if (Peek() == quote) { sb.Append(quote); _pos++; continue; }
                break;
            }
            if (c == '\\' && !AtEnd)
            {
                if (raw)
                {
                    // Raw strings keep backslashes, but \' still does not end the literal.
                    sb.Append(c);
                    if (Peek() == quote) sb.Append(_sql[_pos++]);
                    continue;
                }
                Escape(sb);
                continue;
            }
            sb.Append(c);
        }
        _tokens.Add(new SqlToken(TokenKind.String, sb.ToString(), start, _pos));
    }

    /// <summary>Spark's string escapes; <c>\%</c> and <c>\_</c> stay escaped for LIKE patterns,
    /// an unknown escape is the character itself.</summary>
    private void Escape(StringBuilder sb)
    {
        var c = _sql[_pos++];
        switch (c)
        {
            case 'n': sb.Append('\n'); break;
            case 't': sb.Append('\t'); break;
            case 'r': sb.Append('\r'); break;
            case 'b': sb.Append('\b'); break;
            case 'Z': sb.Append('\u001A'); break;
            case '%': sb.Append("\\%"); break;
            case '_': sb.Append("\\_"); break;
            case 'u' when _pos + 4 <= _sql.Length && IsHex(_sql.AsSpan(_pos, 4)):
                sb.Append((char)int.Parse(_sql.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                _pos += 4;
                break;
            case >= '0' and <= '3' when _pos + 2 <= _sql.Length && Peek() is >= '0' and <= '7' && Peek(1) is >= '0' and <= '7':
                sb.Append((char)((c - '0') * 64 + (Peek() - '0') * 8 + (Peek(1) - '0')));
                _pos += 2;
                break;
            case '0': sb.Append('\0'); break;
            default: sb.Append(c); break;
        }
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    /// <summary>A number (<c>12</c>, <c>1.5</c>, <c>.5</c>, <c>1e3</c>, <c>10L</c>, <c>1.5BD</c>) or, as in
    /// Spark, a word that starts with digits (<c>1st</c>).</summary>
    private void NumberOrWord()
    {
        var start = _pos;
        var p = _pos;
        while (p < _sql.Length && char.IsAsciiDigit(_sql[p])) p++;
        var hasDot = false;
        var hasExponent = false;
        if (p < _sql.Length && _sql[p] == '.')
        {
            hasDot = true;
            p++;
            while (p < _sql.Length && char.IsAsciiDigit(_sql[p])) p++;
        }
        if (p < _sql.Length && _sql[p] is 'e' or 'E')
        {
            var q = p + 1;
            if (q < _sql.Length && _sql[q] is '+' or '-') q++;
            if (q < _sql.Length && char.IsAsciiDigit(_sql[q]))
            {
                hasExponent = true;
                p = q;
                while (p < _sql.Length && char.IsAsciiDigit(_sql[p])) p++;
            }
        }
        var suffixStart = p;
        while (p < _sql.Length && char.IsAsciiLetter(_sql[p])) p++;
        var suffix = _sql[suffixStart..p].ToUpperInvariant();
        var validSuffix = suffix is "" or "D" or "F" or "BD" || (!hasDot && !hasExponent && suffix is "L" or "S" or "Y");
        var followedByWordChar = p < _sql.Length && IsWordChar(_sql[p]);
        if (validSuffix && !followedByWordChar)
        {
            _pos = p;
            _tokens.Add(new SqlToken(TokenKind.Number, _sql[start..p], start, p));
            return;
        }
        if (!hasDot)
        {
            Word(start);
            return;
        }
        while (p < _sql.Length && IsWordChar(_sql[p])) p++;
        throw SqlErrors.At(_sql, start, $"'{SqlErrors.Shorten(_sql[start..p], 30)}' is not a valid number");
    }

    private void Word(int start)
    {
        _pos = start;
        while (!AtEnd && IsWordChar(Peek())) _pos++;
        _tokens.Add(new SqlToken(TokenKind.Word, _sql[start.._pos], start, _pos));
    }

    private void Symbol()
    {
        foreach (var symbol in Symbols)
        {
            if (string.CompareOrdinal(_sql, _pos, symbol, 0, symbol.Length) == 0)
            {
                _tokens.Add(new SqlToken(TokenKind.Symbol, symbol, _pos, _pos + symbol.Length));
                _pos += symbol.Length;
                return;
            }
        }
        var c = Peek();
        var shown = char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString();
        throw SqlErrors.At(_sql, _pos, $"unexpected character '{shown}'");
    }
}

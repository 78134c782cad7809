using AlaSpark.Plan;
using AlaSpark.Types;
using static AlaSpark.Tests.Sql.N;

namespace AlaSpark.Tests.Sql;

public class SqlLiteralTests
{
    [Fact]
    public void Strings_in_single_and_double_quotes()
    {
        Assert.Equal(Str("ok"), Parse("'ok'"));
        Assert.Equal(Str("ok"), Parse("\"ok\""));
        Assert.Equal(Str("it's"), Parse("'it''s'"));
        Assert.Equal(Str("it's"), Parse(@"'it\'s'"));
        Assert.Equal(Str("say \"hi\""), Parse(@"""say \""hi\"""""));
        Assert.Equal(Str("a\nb\tc\\d"), Parse(@"'a\nb\tc\\d'"));
        Assert.Equal(Str("é"), Parse(@"'\u00e9'"));
        Assert.Equal(Str("x"), Parse(@"'\x'"));
        Assert.Equal(Str(@"100\%"), Parse(@"'100\%'"));
        Assert.Equal(Str(""), Parse("''"));
    }

    [Fact]
    public void Adjacent_strings_concatenate()
    {
        Assert.Equal(Str("abc"), Parse("'a' 'b' \"c\""));
    }

    [Fact]
    public void Raw_strings_keep_backslashes()
    {
        Assert.Equal(Str(@"\d+\n"), Parse(@"r'\d+\n'"));
        Assert.Equal(Str(@"a\b"), Parse(@"R""a\b"""));
    }

    [Fact]
    public void Integers_take_the_smallest_fitting_type()
    {
        Assert.Equal(Int(42), Parse("42"));
        Assert.Equal(Int(int.MaxValue), Parse("2147483647"));
        Assert.Equal(Long(2147483648L), Parse("2147483648"));
        Assert.Equal(Int(int.MinValue), Parse("-2147483648"));
        Assert.Equal(Long(long.MaxValue), Parse("9223372036854775807"));
        Assert.Equal(Long(long.MinValue), Parse("-9223372036854775808"));
        Assert.Equal(Dec(9223372036854775808m, 19, 0), Parse("9223372036854775808"));
        Assert.Equal(Int(-5), Parse("-5"));
        Assert.Equal(Int(5), Parse("+5"));
    }

    [Fact]
    public void Integer_suffixes()
    {
        Assert.Equal(Long(7L), Parse("7L"));
        Assert.Equal(new Literal((short)7, ShortType.Instance), Parse("7S"));
        Assert.Equal(new Literal((sbyte)-7, ByteType.Instance), Parse("-7y"));
        Assert.Equal(Long(-7L), Parse("-7l"));
    }

    [Fact]
    public void Fractional_suffixes()
    {
        Assert.Equal(Dbl(1.5), Parse("1.5D"));
        Assert.Equal(Dbl(2.0), Parse("2d"));
        Assert.Equal(new Literal(1.5f, FloatType.Instance), Parse("1.5F"));
        Assert.Equal(Dec(1.50m, 3, 2), Parse("1.50BD"));
        Assert.Equal(Dec(3m, 1, 0), Parse("3bd"));
    }

    [Fact]
    public void Decimals_follow_spark_precision_and_scale()
    {
        Assert.Equal(Dec(1.5m, 2, 1), Parse("1.5"));
        Assert.Equal(Dec(-1.5m, 2, 1), Parse("-1.5"));
        Assert.Equal(Dec(0.5m, 1, 1), Parse("0.5"));
        Assert.Equal(Dec(0.5m, 1, 1), Parse(".5"));
        Assert.Equal(Dec(123.450m, 6, 3), Parse("123.450"));
        Assert.Equal(Dec(0.00m, 2, 2), Parse("0.00"));
        Assert.Equal(Dec(1m, 1, 0), Parse("1."));
        var literal = Assert.IsType<Literal>(Parse("1.5"));
        Assert.IsType<decimal>(literal.Value);
    }

    [Fact]
    public void Exponents_are_doubles()
    {
        Assert.Equal(Dbl(1000.0), Parse("1e3"));
        Assert.Equal(Dbl(0.015), Parse("1.5E-2"));
        Assert.Equal(Dbl(-250.0), Parse("-2.5e+2"));
    }

    [Fact]
    public void Booleans_and_null()
    {
        Assert.Equal(Bool(true), Parse("TRUE"));
        Assert.Equal(Bool(false), Parse("false"));
        Assert.Equal(Literal.Null, Parse("NULL"));
        Assert.Equal(Literal.Null, Parse("null"));
    }

    [Fact]
    public void Date_literals()
    {
        Assert.Equal(new Literal(new DateOnly(2020, 1, 31), DateType.Instance), Parse("DATE '2020-01-31'"));
        Assert.Equal(new Literal(new DateOnly(2020, 2, 1), DateType.Instance), Parse("date '2020-2-1'"));
        Assert.Equal(new Literal(new DateOnly(2020, 3, 1), DateType.Instance), Parse("DATE '2020-03'"));
    }

    [Fact]
    public void Timestamp_literals_are_utc()
    {
        var expected = new DateTime(2020, 1, 31, 10, 0, 0, DateTimeKind.Utc);
        var literal = Assert.IsType<Literal>(Parse("TIMESTAMP '2020-01-31 10:00:00'"));
        Assert.Equal(new Literal(expected, TimestampType.Instance), literal);
        Assert.Equal(DateTimeKind.Utc, Assert.IsType<DateTime>(literal.Value).Kind);
        Assert.Equal(new Literal(expected, TimestampType.Instance), Parse("timestamp '2020-01-31T11:00:00+01:00'"));
        Assert.Equal(new Literal(expected, TimestampType.Instance), Parse("TIMESTAMP '2020-01-31 10:00:00Z'"));
        Assert.Equal(new Literal(expected.AddTicks(1234560), TimestampType.Instance), Parse("TIMESTAMP '2020-01-31 10:00:00.123456789'"));
        Assert.Equal(new Literal(new DateTime(2020, 1, 31, 0, 0, 0, DateTimeKind.Utc), TimestampType.Instance), Parse("TIMESTAMP '2020-01-31'"));
    }

    [Fact]
    public void Timestamp_ntz_literals_carry_no_zone()
    {
        var literal = Assert.IsType<Literal>(Parse("TIMESTAMP_NTZ '2020-01-31 10:00:00'"));
        Assert.Equal(new Literal(new DateTime(2020, 1, 31, 10, 0, 0), TimestampNtzType.Instance), literal);
        Assert.Equal(DateTimeKind.Unspecified, Assert.IsType<DateTime>(literal.Value).Kind);
    }

    [Fact]
    public void Binary_literals()
    {
        Assert.Equal(new Literal(new byte[] { 0x0A, 0xFF }, BinaryType.Instance), Parse("X'0AFF'"));
        Assert.Equal(new Literal(new byte[] { 0x0F }, BinaryType.Instance), Parse("x'F'"));
        Assert.NotEqual(new Literal(new byte[] { 0x0A, 0xFE }, BinaryType.Instance), Parse("X'0AFF'"));
    }
}

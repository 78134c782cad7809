using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Tests;

/// <summary>What the C# compiler accepts and refuses for typed columns (the runtime's <c>Column&lt;T&gt;</c>).</summary>
public class TypedColumnCompileTests
{
    private static string[] Errors(string statements)
    {
        var source = $$"""
            using System;
            using AlaSpark;
            using static AlaSpark.Functions;
            public static class Uses
            {
                public static void Run()
                {
                    Column<DateOnly> day = Col<DateOnly>("event_date");
                    Column<string> email = Col<string>("user_email");
                    Column<int> id = Col<int>("id");
                    {{statements}}
                }
            }
            """;
        var compilation = TestCompilation.CreateWithRuntime(source);
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToArray();
    }

    [Theory]
    [InlineData("Column<bool> c = day > new DateOnly(2024, 1, 1);")]
    [InlineData("Column<bool> c = day == Col<DateOnly>(\"other\") & id > 3 | !(email == \"a\");")]
    [InlineData("Column<bool> c = email.IsNull() & id.IsIn(1, 2) & id.Between(1, 9);")]
    [InlineData("Column<int> y = Year(day); Column<string> h = Sha2(email, 256); Column<DateTime> t = day.Cast<DateTime>();")]
    [InlineData("Column untyped = day > 5;")] // the untyped API stays available
    public void Well_typed_uses_compile(string statements) => Assert.Empty(Errors(statements));

    [Theory]
    [InlineData("Column<bool> c = day > 5;", "CS0266")]                  // a date compared with a number is not a typed condition
    [InlineData("Column<bool> c = email == 42;", "CS0266")]
    [InlineData("Column<string> s = Year(day);", "CS0029")]              // year() gives an int column
    [InlineData("Column<bool> c = id.IsIn(\"a\");", "CS0266")]           // values of another type give only an untyped column
    [InlineData("Column<DateOnly> d = email.Cast<string>();", "CS0029")]
    public void Ill_typed_uses_do_not_compile(string statements, string error) => Assert.Contains(error, Errors(statements));
}

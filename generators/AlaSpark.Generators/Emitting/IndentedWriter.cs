using System.Text;

namespace AlaSpark.Generators.Emitting;

/// <summary>
/// Writes lines of code at the current indentation (four spaces a level), with '\n' line ends so
/// that the output is the same on every machine.
/// </summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _level;

    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _level * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes a block of lines (e.g. a raw string literal), each at the current indentation.</summary>
    public IndentedWriter Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n')) Line(line);
        return this;
    }

    public IndentedWriter OpenBrace()
    {
        Line("{");
        _level++;
        return this;
    }

    public IndentedWriter CloseBrace()
    {
        _level--;
        return Line("}");
    }

    public override string ToString() => _text.ToString();
}

namespace AlaSpark.Delta;

/// <summary>An error reading or writing a Delta table: it names the table, the version and what is wrong.</summary>
public class DeltaException : AlaSparkException
{
    public DeltaException(string message) : base(message) { }

    public DeltaException(string message, Exception inner) : base(message, inner) { }
}

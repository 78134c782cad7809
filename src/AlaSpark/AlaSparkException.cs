namespace AlaSpark;

/// <summary>
/// An error a person can act on: the message says what went wrong, where (pipeline, table, column,
/// file, line) and what to do.
/// </summary>
public class AlaSparkException : Exception
{
    public AlaSparkException(string message) : base(message) { }

    public AlaSparkException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A problem with configuration or command-line usage (exit code 2).</summary>
public class ConfigurationException : AlaSparkException
{
    public ConfigurationException(string message) : base(message) { }

    public ConfigurationException(string message, Exception inner) : base(message, inner) { }
}

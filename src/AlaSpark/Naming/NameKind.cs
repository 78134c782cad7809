// Shared source: this file is also compiled into the AlaSpark analyzers (netstandard2.0) as a
// linked file. Keep it free of dependencies on other AlaSpark files and of APIs newer than
// netstandard2.0 (see NamingRules.cs).
#nullable enable

namespace AlaSpark.Naming;

/// <summary>What a name names; the rules and the wording of the messages depend on it.</summary>
public enum NameKind
{
    /// <summary>A pipeline (snake_case).</summary>
    Pipeline = 0,
    /// <summary>A database: <c>[prefix]&lt;layer&gt;__&lt;domain&gt;</c>.</summary>
    Database = 1,
    /// <summary>A table (snake_case).</summary>
    Table = 2,
    /// <summary>A column (snake_case).</summary>
    Column = 3,
}

/// <summary>Which rule of the naming standard a name breaks.</summary>
public enum NamingViolation
{
    /// <summary>The name follows the standard.</summary>
    None = 0,

    /// <summary>The name is empty. A metastore refuses it (analyzer ALS1005, an error).</summary>
    Empty = 1,
    /// <summary>The name is longer than 255 characters. A metastore refuses it (ALS1005, an error).</summary>
    TooLong = 2,
    /// <summary>The name has characters outside <c>[A-Za-z0-9_]</c>. A metastore refuses it (ALS1005, an error).</summary>
    InvalidCharacters = 3,

    /// <summary>The name is not snake_case (upper case, a leading digit or underscore, a doubled or trailing underscore).</summary>
    NotSnakeCase = 4,
    /// <summary>A database name lacks the configured catalog prefix.</summary>
    MissingPrefix = 5,
    /// <summary>A database name has no <c>__</c> between its layer and its domain.</summary>
    MissingLayer = 6,
    /// <summary>A database name's layer is not one of the configured layers.</summary>
    UnknownLayer = 7,
    /// <summary>A database name's domain (after <c>__</c>) is empty or not snake_case.</summary>
    InvalidDomain = 8,
}

using AlaSpark.Types;

namespace AlaSpark.Plan;

/// <summary>
/// A relation of the logical plan, in Spark Connect's vocabulary (<c>Relation</c> message).
/// Plans are immutable trees; every DataFrame operation returns a new root.
/// </summary>
public abstract record Relation;

/// <summary>Files read through a data source: Spark's <c>DataSource</c> (format, schema, options, paths).</summary>
public sealed record DataSource(string Format, ValueList<string> Paths, StructType? Schema, ValueMap Options);

/// <summary>Reads a data source or a catalog table (<c>database.table</c>).</summary>
public sealed record Read(DataSource? Source, string? TableName = null, bool IsStreaming = false) : Relation;

public sealed record Project(Relation Input, ValueList<Expression> Expressions) : Relation;

public sealed record Filter(Relation Input, Expression Condition) : Relation;

/// <summary>Adds or replaces columns, each given by an <see cref="Alias"/>.</summary>
public sealed record WithColumns(Relation Input, ValueList<Alias> Aliases) : Relation;

public sealed record Drop(Relation Input, ValueList<string> ColumnNames) : Relation;

/// <summary>Keeps one row per key (all columns when <see cref="ColumnNames"/> is empty).</summary>
public sealed record Deduplicate(Relation Input, ValueList<string> ColumnNames, bool WithinWatermark = false) : Relation;

public sealed record Join(Relation Left, Relation Right, Expression? Condition, JoinType JoinType, ValueList<string> UsingColumns) : Relation;

public enum SetOperationType { Union, Intersect, Except }

public sealed record SetOperation(Relation Left, Relation Right, SetOperationType Type, bool IsAll, bool ByName, bool AllowMissingColumns) : Relation;

public sealed record WithWatermark(Relation Input, string EventTime, string Delay) : Relation;

public sealed record Sort(Relation Input, ValueList<SortOrder> Order, bool IsGlobal = true) : Relation;

public sealed record Limit(Relation Input, int Count) : Relation;

/// <summary>Grouping and aggregation: <c>GROUP BY</c> (no grouping = one row).</summary>
public sealed record Aggregate(Relation Input, ValueList<Expression> Grouping, ValueList<Expression> Aggregates) : Relation;

/// <summary>A Spark SQL query kept as text.</summary>
public sealed record Sql(string Query) : Relation;

public sealed record ToDF(Relation Input, ValueList<string> ColumnNames) : Relation;

public sealed record ColumnRename(string From, string To);

public sealed record WithColumnsRenamed(Relation Input, ValueList<ColumnRename> Renames) : Relation;

/// <summary>Rows held in the plan itself.</summary>
public sealed record LocalRelation(StructType Schema, ValueList<ValueList<object?>> Rows) : Relation;

/// <summary>A relation with one row and no columns (the input of <c>SELECT 1</c>).</summary>
public sealed record OneRowRelation : Relation;

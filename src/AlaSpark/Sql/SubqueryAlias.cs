namespace AlaSpark.Plan;

/// <summary>Names a relation (<c>FROM sales.orders AS o</c>), so that its columns can be qualified
/// with the alias (<c>o.amount</c>); Spark's <c>SubqueryAlias</c>.</summary>
public sealed record SubqueryAlias(Relation Input, string Alias) : Relation;

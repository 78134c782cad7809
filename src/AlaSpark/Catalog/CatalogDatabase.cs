namespace AlaSpark.Catalog;

/// <summary>A database of the catalog: a name such as <c>raw__web_events</c> and the directory its tables live under by default.</summary>
/// <param name="Name">The database name (lower-case snake_case, <c>&lt;layer&gt;__&lt;domain&gt;</c>).</param>
/// <param name="Location">The absolute directory of the database.</param>
/// <param name="CreatedTime">When the catalog first recorded the database.</param>
public sealed record CatalogDatabase(string Name, string Location, DateTimeOffset CreatedTime);

using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark;

/// <summary>
/// A lazily evaluated, immutable table, as in Spark. Every transformation returns a new
/// DataFrame over a new plan root; actions (<see cref="Collect"/>, <see cref="Count"/>,
/// <see cref="Show"/>) run the plan on the session's engine.
/// </summary>
public sealed class DataFrame
{
    public DataFrame(IEngine engine, Relation plan)
    {
        Engine = engine;
        Plan = plan;
    }

    public IEngine Engine { get; }

    /// <summary>The logical plan (Spark Connect's vocabulary).</summary>
    public Relation Plan { get; }

    private DataFrame With(Relation plan) => new(Engine, plan);

    private static ValueList<Expression> Exprs(IEnumerable<Column> columns) => columns.Select(c => c.Expression).ToValueList();

    /// <summary>The output schema, known without running the plan.</summary>
    public StructType Schema => Engine.Schema(Plan);

    public IReadOnlyList<string> Columns => Schema.FieldNames.ToList();

    public DataFrame Select(params Column[] columns) => With(new Project(Plan, Exprs(columns)));

    public DataFrame Select(params string[] columns) => Select(columns.Select(Functions.Col).ToArray());

    public DataFrame Filter(Column condition) => With(new Filter(Plan, condition.Expression));

    public DataFrame Where(Column condition) => Filter(condition);

    /// <summary>Adds a column, or replaces the column of that name.</summary>
    public DataFrame WithColumn(string name, Column column) =>
        With(new WithColumns(Plan, ValueList.Of(new Alias(column.Expression is Alias a ? a.Child : column.Expression, name))));

    public DataFrame WithColumns(IReadOnlyDictionary<string, Column> columns) =>
        With(new WithColumns(Plan, columns.Select(kv => new Alias(kv.Value.Expression, kv.Key)).ToValueList()));

    public DataFrame WithColumnRenamed(string existing, string newName) =>
        With(new WithColumnsRenamed(Plan, ValueList.Of(new ColumnRename(existing, newName))));

    public DataFrame Drop(params string[] columns) => With(new Drop(Plan, columns.ToValueList()));

    /// <summary>Keeps one row per distinct value of <paramref name="columns"/> (all columns when none are given).</summary>
    public DataFrame DropDuplicates(params string[] columns) => With(new Deduplicate(Plan, columns.ToValueList()));

    /// <summary>On a stream, keeps one row per key among rows within the watermark.</summary>
    public DataFrame DropDuplicatesWithinWatermark(params string[] columns) =>
        With(new Deduplicate(Plan, columns.ToValueList(), WithinWatermark: true));

    public DataFrame Distinct() => DropDuplicates();

    public DataFrame Join(DataFrame other, Column on, JoinType how = JoinType.Inner) =>
        With(new Join(Plan, other.Plan, on.Expression, how, ValueList<string>.Empty));

    /// <summary>Joins on equal values of the named columns, which appear once in the result.</summary>
    public DataFrame Join(DataFrame other, IEnumerable<string> usingColumns, JoinType how = JoinType.Inner) =>
        With(new Join(Plan, other.Plan, null, how, usingColumns.ToValueList()));

    public DataFrame CrossJoin(DataFrame other) => With(new Join(Plan, other.Plan, null, JoinType.Cross, ValueList<string>.Empty));

    public DataFrame UnionByName(DataFrame other, bool allowMissingColumns = false) =>
        With(new SetOperation(Plan, other.Plan, SetOperationType.Union, IsAll: true, ByName: true, allowMissingColumns));

    public DataFrame Union(DataFrame other) =>
        With(new SetOperation(Plan, other.Plan, SetOperationType.Union, IsAll: true, ByName: false, AllowMissingColumns: false));

    /// <summary>Declares an event-time watermark (<c>"10 minutes"</c>) for streaming state.</summary>
    public DataFrame WithWatermark(string eventTime, string delayThreshold) => With(new WithWatermark(Plan, eventTime, delayThreshold));

    public DataFrame OrderBy(params Column[] columns) =>
        With(new Sort(Plan, columns.Select(c => c.Expression as SortOrder ?? new SortOrder(c.Expression)).ToValueList()));

    public DataFrame OrderBy(params string[] columns) => OrderBy(columns.Select(Functions.Col).ToArray());

    public DataFrame Sort(params Column[] columns) => OrderBy(columns);

    public DataFrame Limit(int count) => With(new Limit(Plan, count));

    public DataFrame ToDF(params string[] names) => With(new ToDF(Plan, names.ToValueList()));

    public GroupedData GroupBy(params Column[] columns) => new(this, columns);

    public GroupedData GroupBy(params string[] columns) => new(this, columns.Select(Functions.Col).ToArray());

    public DataFrame Agg(params Column[] aggregates) => new GroupedData(this, []).Agg(aggregates);

    public IReadOnlyList<Row> Collect() => Engine.Collect(Plan);

    /// <summary>
    /// The rows as <typeparamref name="T"/>s (a generated pipeline's <c>OutputRow</c>, or any record),
    /// columns mapped to parameters and properties by name as <see cref="Row.As{T}"/> does.
    /// </summary>
    public IReadOnlyList<T> Collect<T>()
    {
        var rows = Collect();
        var read = RecordReader.For(typeof(T)).Bind(rows.Count > 0 ? rows[0].Schema : Schema);
        return rows.Select(row => (T)read(row)).ToList();
    }

    public long Count() => Engine.Count(Plan);

    public IReadOnlyList<Row> Take(int n) => Limit(n).Collect();

    public Row? First() => Take(1).FirstOrDefault();

    /// <summary>The rows as a text table, like Spark's <c>show()</c>.</summary>
    public string ShowString(int numRows = 20, int truncate = 20) =>
        ValueFormatter.Table(Schema, Take(numRows), truncate);

    public void Show(int numRows = 20, int truncate = 20) => Console.Write(ShowString(numRows, truncate));

    /// <summary>The logical plan and the SQL the engine runs.</summary>
    public string Explain() => Engine.Explain(Plan);

    public void PrintSchema() => Console.Write(Schema.TreeString());

    public Column this[string column] => Functions.Col(column);
}

/// <summary>The result of <see cref="DataFrame.GroupBy(Column[])"/>: aggregate it with <see cref="Agg"/>.</summary>
public sealed class GroupedData
{
    private readonly DataFrame _frame;
    private readonly Column[] _grouping;

    internal GroupedData(DataFrame frame, Column[] grouping)
    {
        _frame = frame;
        _grouping = grouping;
    }

    public DataFrame Agg(params Column[] aggregates) =>
        new(_frame.Engine, new Aggregate(_frame.Plan, _grouping.Select(c => c.Expression).ToValueList(),
            _grouping.Concat(aggregates).Select(c => c.Expression).ToValueList()));

    public DataFrame Count() => Agg(Functions.Count(Functions.Lit(1)).Alias("count"));
}

using System.Linq;

namespace AlaSpark.Generators.Model;

/// <summary>
/// The ids the parser and the schema tracker report (dsl.md section 3), with the message arguments
/// each carries, in order. One table: the analyzers build their descriptors from these ids.
/// </summary>
internal static class FindingIds
{
    /// <summary>Not partial. Arguments: the class.</summary>
    public const string NotPartial = "ALS0001";

    /// <summary>No source, or more than one. Arguments: the class, the number of sources.</summary>
    public const string SourceCount = "ALS0002";

    /// <summary>No sink. Arguments: the class.</summary>
    public const string NoSink = "ALS0003";

    /// <summary>A partition column is not in the sink's schema. Arguments: the column, the sink table, the columns that reach it.</summary>
    public const string PartitionColumnMissing = "ALS2001";

    /// <summary>A processor removed a partition column (reported at that processor). Arguments: the column, the sink table, the processor.</summary>
    public const string PartitionColumnRemoved = "ALS2002";

    /// <summary>A partition column's type is unsuitable: error for float, double, binary, array, map, struct; warning for timestamp. Arguments: the column, the sink table, the type.</summary>
    public const string PartitionColumnType = "ALS2003";

    /// <summary>A partition column is listed twice. Arguments: the column, the sink table.</summary>
    public const string PartitionColumnTwice = "ALS2004";

    /// <summary>Every column is a partition column. Arguments: the sink table.</summary>
    public const string EveryColumnPartitioned = "ALS2005";

    /// <summary>A processor argument names a column that does not exist at that step. Arguments: the processor, the column, the columns at that step.</summary>
    public const string ColumnMissing = "ALS3001";

    /// <summary>The arguments match no public constructor. Arguments: the processor, the arguments as written, the constructors, the reason.</summary>
    public const string NoConstructor = "ALS3002";

    /// <summary>The type is not a <c>ToTableProcessor</c>. Arguments: the type.</summary>
    public const string NotAProcessor = "ALS3003";

    /// <summary>A column has the wrong type for the processor. Arguments: the processor, the column, its type, the types the processor takes.</summary>
    public const string ColumnType = "ALS3004";

    /// <summary>The schema is unknown after a custom processor that declares no effect (info). Arguments: the processor.</summary>
    public const string SchemaUnknown = "ALS3005";

    /// <summary>
    /// A processor argument has a value the processor can't use (a data type that does not parse, a
    /// null column name, an enum value with no member). Not in dsl.md's table yet: proposed for the
    /// analyzers. Arguments: the processor, the parameter, the value, the reason.
    /// </summary>
    public const string InvalidArgument = "ALS3006";

    public static string Format(Finding finding)
    {
        var a = finding.MessageArguments;
        string Arg(int i) => i < a.Count ? a[i] : "";
        return finding.Id switch
        {
            NotPartial => $"The pipeline class '{Arg(0)}' is not partial; add the 'partial' modifier so that the generator can add its IPipeline implementation",
            SourceCount => Arg(1) == "0"
                ? $"The pipeline '{Arg(0)}' has no source; add one source attribute such as [CsvSource(\"raw__domain\", \"table\")]"
                : $"The pipeline '{Arg(0)}' has {Arg(1)} sources; a pipeline reads exactly one source, so remove all but one",
            NoSink => $"The pipeline '{Arg(0)}' has no sink; add [DeltaSink], [DeltaStreamSink] or [ParquetSink]",
            PartitionColumnMissing => $"The partition column '{Arg(0)}' of {Arg(1)} does not exist in the schema that reaches the sink ({Arg(2)}); partition by one of these columns, or add it (AddPartition)",
            PartitionColumnRemoved => $"{Arg(2)} removes the column '{Arg(0)}', which {Arg(1)} is partitioned by; keep the column, or partition by another",
            PartitionColumnType => finding.Severity == FindingSeverity.Warning
                ? $"The partition column '{Arg(0)}' of {Arg(1)} is a {Arg(2)}: one partition per distinct instant; partition by a date derived from it instead ([Processor(typeof(AddPartition), \"{Arg(0)}_date\", \"{Arg(0)}\")])"
                : $"The partition column '{Arg(0)}' of {Arg(1)} is {Arg(2)}, which can't be a partition value; partition by a date, string or integer column",
            PartitionColumnTwice => $"The partition column '{Arg(0)}' of {Arg(1)} is listed twice; remove the duplicate",
            EveryColumnPartitioned => $"Every column of {Arg(0)} is a partition column; at least one column must hold data",
            ColumnMissing => $"{Arg(0)}: the column '{Arg(1)}' does not exist at this step (columns here: {Arg(2)}); check the name and the processors before this one",
            NoConstructor => $"{Arg(0)}({Arg(1)}) matches no public constructor of {Arg(0)}: {Arg(3)}; constructors: {Arg(2)}",
            NotAProcessor when Arg(1) == "ToManyTablesProcessor" => $"{Arg(0)} is a ToManyTablesProcessor (one table in, several out), which [Processor] can't apply: a pipeline class describes one table; split tables with PipelineDefinition.Apply(new {Arg(0).Substring(Arg(0).LastIndexOf('.') + 1)}(...)) in code",
            NotAProcessor => $"{Arg(0)} does not derive from AlaSpark.ToTableProcessor, so [Processor] can't apply it; derive it from ToTableProcessor, or use a processor that does",
            ColumnType => $"{Arg(0)}: the column '{Arg(1)}' is {Arg(2)}, but {Arg(0)} takes {Arg(3)}; cast it first ([Processor(typeof(AlterDataType), \"{Arg(1)}\", \"...\")]) or pick another column",
            SchemaUnknown => $"The schema is unknown after {Arg(0)}: it declares no schema effect, so the columns after it are not checked; declare it with [AddsColumn], [RemovesColumn] or [PreservesSchema]",
            InvalidArgument => $"{Arg(0)}: the {Arg(1)} {Arg(2)} is not valid: {Arg(3)}",
            _ => finding.Id + ": " + string.Join(", ", a.ToArray()),
        };
    }
}

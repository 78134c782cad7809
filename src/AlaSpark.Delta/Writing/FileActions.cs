using AlaSpark.Delta.Actions;
using AlaSpark.Types;

namespace AlaSpark.Delta.Writing;

/// <summary>Turns the data files an engine wrote into <c>add</c> actions.</summary>
public static class FileActions
{
    /// <summary>
    /// The <c>add</c> of a written file: its path relative to the table root as an encoded URI
    /// (<see cref="DeltaPaths.EncodeRelativePath"/>), its partition values serialized per the protocol (by the
    /// partition column's name in the schema; null stays null), size, modification time, <c>dataChange=true</c>
    /// and the statistics JSON (<see cref="FileStatistics"/>).
    /// </summary>
    public static AddFile Add(WrittenFile file, StructType schema, Metadata metadata, long modificationTime)
    {
        var partitionColumns = metadata.PartitionColumns;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var column in partitionColumns)
        {
            var field = schema.Find(column) ?? throw new DeltaException($"The partition column '{column}' is not in the schema ({string.Join(", ", schema.FieldNames)}).");
            var reported = file.PartitionValues.FirstOrDefault(kv => string.Equals(kv.Key, column, StringComparison.OrdinalIgnoreCase));
            if (reported.Key is null)
                throw new DeltaException($"The data file {file.RelativePath} has no value for the partition column '{column}'.");
            try
            {
                values[column] = PartitionValueFormat.FromText(reported.Value, field.DataType);
            }
            catch (FormatException e)
            {
                throw new DeltaException($"The partition value of '{column}' for {file.RelativePath} can't be written: {e.Message}", e);
            }
        }
        var partitionSet = partitionColumns.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var dataSchema = new StructType(schema.Fields.Where(f => !partitionSet.Contains(f.Name)));
        return new AddFile(
            DeltaPaths.EncodeRelativePath(file.RelativePath),
            values,
            file.SizeInBytes,
            modificationTime,
            DataChange: true,
            Stats: FileStatistics.ToJson(file.Rows, dataSchema, file.Statistics, metadata.Configuration));
    }
}

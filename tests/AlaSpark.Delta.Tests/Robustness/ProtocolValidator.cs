using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlaSpark.Delta.Log;
using AlaSpark.Types;
using Parquet.Serialization;

namespace AlaSpark.Delta.Tests.Robustness;

/// <summary>
/// Checks a table's log against the Delta protocol (PROTOCOL.md of delta-io/delta) independently of the reader:
/// every line of every commit file is parsed as raw JSON and its required fields and JSON types are checked,
/// as are the rows of classic checkpoints. Returns the problems found, each naming the file and line.
/// </summary>
public static class ProtocolValidator
{
    /// <summary>Fails with every problem found in the table's log.</summary>
    public static void AssertValid(string tablePath)
    {
        var problems = Validate(tablePath);
        Assert.True(problems.Count == 0, $"The log of {tablePath} breaks the protocol:\n" + string.Join("\n", problems));
    }

    public static List<string> Validate(string tablePath)
    {
        var problems = new List<string>();
        var logPath = Path.Combine(tablePath, "_delta_log");
        if (!Directory.Exists(logPath)) return ["no _delta_log folder"];
        var commits = Directory.EnumerateFiles(logPath)
            .Select(f => (File: f, Name: LogFileName.Parse(Path.GetFileName(f))))
            .Where(f => f.Name is { Kind: LogFileKind.Commit })
            .OrderBy(f => f.Name!.Version).ToList();
        if (commits.Count == 0) problems.Add("no commit files");
        for (var i = 0; i < commits.Count; i++)
            if (commits[i].Name!.Version != i) { problems.Add($"commit versions are not contiguous from 0: {commits[i].Name!.Version} at position {i}"); break; }

        // The partition columns in force, from the latest metaData seen (commits are read in version order).
        List<string>? partitionColumns = null;
        StructType? schema = null;
        foreach (var (file, name) in commits)
        {
            var where = Path.GetFileName(file);
            var lines = File.ReadAllText(file).Split('\n');
            if (lines[^1].Length != 0) problems.Add($"{where}: does not end with a newline");
            var actions = new List<(string Kind, JsonObject Body, int Line)>();
            for (var l = 0; l < lines.Length; l++)
            {
                if (lines[l].Length == 0) continue;
                JsonNode? node;
                try { node = JsonNode.Parse(lines[l]); }
                catch (JsonException e) { problems.Add($"{where}:{l + 1}: not JSON: {e.Message}"); continue; }
                if (node is not JsonObject obj || obj.Count != 1) { problems.Add($"{where}:{l + 1}: not an object with exactly one action"); continue; }
                var (kind, value) = obj.First();
                if (value is not JsonObject body) { problems.Add($"{where}:{l + 1}: '{kind}' is not an object"); continue; }
                actions.Add((kind, body, l + 1));
            }
            var infos = actions.Where(a => a.Kind == "commitInfo").ToList();
            if (infos.Count > 1) problems.Add($"{where}: {infos.Count} commitInfo actions (at most one)");
            if (infos.Count == 1 && actions[0].Kind != "commitInfo") problems.Add($"{where}: commitInfo is not the first action");
            foreach (var kind in new[] { "protocol", "metaData" })
                if (actions.Count(a => a.Kind == kind) > 1) problems.Add($"{where}: more than one {kind}");
            if (name!.Version == 0)
                foreach (var kind in new[] { "protocol", "metaData" })
                    if (actions.All(a => a.Kind != kind)) problems.Add($"{where}: version 0 has no {kind}");
            foreach (var (kind, body, line) in actions.Where(a => a.Kind == "metaData"))
            {
                var p = new Problems(problems, $"{where}:{line}: metaData");
                (partitionColumns, schema) = CheckMetadata(body, p);
            }
            var paths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (kind, body, line) in actions)
            {
                var p = new Problems(problems, $"{where}:{line}: {kind}");
                switch (kind)
                {
                    case "protocol": CheckProtocol(body, p); break;
                    case "add":
                        CheckAdd(body, p, partitionColumns, schema, tablePath);
                        if (body["path"] is JsonValue ap && ap.TryGetValue<string>(out var addPath) && !paths.Add(addPath))
                            p.Add($"path '{addPath}' appears twice in one commit");
                        break;
                    case "remove":
                        CheckRemove(body, p, partitionColumns);
                        if (body["path"] is JsonValue rp && rp.TryGetValue<string>(out var removePath) && !paths.Add(removePath))
                            p.Add($"path '{removePath}' is both added and removed (or removed twice) in one commit");
                        break;
                    case "txn":
                        Require(body, "appId", JsonValueKind.String, p);
                        RequireLong(body, "version", p);
                        OptionalLong(body, "lastUpdated", p);
                        break;
                    case "commitInfo":
                        OptionalLong(body, "timestamp", p);
                        if (body["operation"] is { } op && op.GetValueKind() != JsonValueKind.String) p.Add("operation is not a string");
                        break;
                }
            }
        }

        foreach (var checkpoint in Directory.EnumerateFiles(logPath, "*.checkpoint.parquet"))
            CheckCheckpoint(checkpoint, problems);
        return problems;
    }

    private sealed class Problems(List<string> all, string prefix)
    {
        public void Add(string problem) => all.Add($"{prefix}: {problem}");
    }

    private static bool IsLong(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _);

    private static bool IsInt(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out _);

    private static void Require(JsonObject body, string field, JsonValueKind kind, Problems p)
    {
        if (!body.TryGetPropertyValue(field, out var node) || node is null) p.Add($"required field '{field}' is missing");
        else if (node.GetValueKind() != kind && !(kind == JsonValueKind.True && node.GetValueKind() == JsonValueKind.False))
            p.Add($"'{field}' is {node.GetValueKind()}, not {kind}");
    }

    private static void RequireLong(JsonObject body, string field, Problems p)
    {
        if (!IsLong(body[field])) p.Add($"required field '{field}' is missing or not a long: {body[field]?.ToJsonString() ?? "null"}");
    }

    private static void OptionalLong(JsonObject body, string field, Problems p)
    {
        if (body.ContainsKey(field) && !IsLong(body[field])) p.Add($"'{field}' is not a long: {body[field]?.ToJsonString()}");
    }

    private static void RequireBool(JsonObject body, string field, Problems p)
    {
        if (body[field] is not JsonValue v || v.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            p.Add($"required field '{field}' is missing or not a boolean");
    }

    private static void StringMap(JsonNode? node, string field, Problems p, bool nullValues)
    {
        if (node is not JsonObject map) { p.Add($"'{field}' is not an object (a map)"); return; }
        foreach (var (key, value) in map)
            if (value is null ? !nullValues : value.GetValueKind() != JsonValueKind.String)
                p.Add($"'{field}.{key}' is {value?.GetValueKind().ToString() ?? "null"}, not a string");
    }

    private static void StringArray(JsonNode? node, string field, Problems p)
    {
        if (node is not JsonArray array) { p.Add($"'{field}' is not an array"); return; }
        if (array.Any(e => e is null || e.GetValueKind() != JsonValueKind.String)) p.Add($"'{field}' has an element that is not a string");
    }

    private static void CheckProtocol(JsonObject body, Problems p)
    {
        if (!IsInt(body["minReaderVersion"])) p.Add("minReaderVersion is missing or not an int");
        if (!IsInt(body["minWriterVersion"])) p.Add("minWriterVersion is missing or not an int");
        var reader = IsInt(body["minReaderVersion"]) ? (int)body["minReaderVersion"]! : 0;
        var writer = IsInt(body["minWriterVersion"]) ? (int)body["minWriterVersion"]! : 0;
        if (reader is < 1 or > 3) p.Add($"minReaderVersion {reader} is not 1-3");
        if (writer is < 1 or > 7) p.Add($"minWriterVersion {writer} is not 1-7");
        if (reader == 3) StringArray(body["readerFeatures"], "readerFeatures", p);
        else if (body.ContainsKey("readerFeatures")) p.Add($"readerFeatures with minReaderVersion {reader} (only at 3)");
        if (writer == 7) StringArray(body["writerFeatures"], "writerFeatures", p);
        else if (body.ContainsKey("writerFeatures")) p.Add($"writerFeatures with minWriterVersion {writer} (only at 7)");
        if (reader == 3 && writer != 7) p.Add("reader version 3 needs writer version 7");
        if (reader == 3 && writer == 7 && body["readerFeatures"] is JsonArray rf && body["writerFeatures"] is JsonArray wf)
            foreach (var feature in rf.Select(f => (string?)f))
                if (!wf.Any(w => (string?)w == feature)) p.Add($"reader feature '{feature}' is not also a writer feature");
    }

    private static (List<string>?, StructType?) CheckMetadata(JsonObject body, Problems p)
    {
        Require(body, "id", JsonValueKind.String, p);
        if (body["id"] is JsonValue id && id.TryGetValue<string>(out var idText) && !Guid.TryParse(idText, out _)) p.Add($"id '{idText}' is not a GUID");
        foreach (var optional in new[] { "name", "description" })
            if (body[optional] is { } n && n.GetValueKind() != JsonValueKind.String) p.Add($"'{optional}' is not a string");
        if (body["format"] is not JsonObject format) p.Add("format is missing or not an object");
        else
        {
            Require(format, "provider", JsonValueKind.String, p);
            if ((string?)format["provider"] != "parquet") p.Add($"format.provider is '{format["provider"]}', not parquet");
            if (format.ContainsKey("options")) StringMap(format["options"], "format.options", p, nullValues: false);
        }
        StructType? schema = null;
        Require(body, "schemaString", JsonValueKind.String, p);
        if (body["schemaString"] is JsonValue s && s.TryGetValue<string>(out var schemaString))
        {
            try
            {
                var node = JsonNode.Parse(schemaString);
                if ((string?)node?["type"] != "struct" || node["fields"] is not JsonArray) p.Add("schemaString is not a Spark struct");
                schema = StructType.FromJson(schemaString);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or FormatException or AlaSparkException or InvalidOperationException)
            {
                p.Add($"schemaString does not parse as a Spark schema: {e.Message}");
            }
        }
        List<string>? partitionColumns = null;
        StringArray(body["partitionColumns"], "partitionColumns", p);
        if (body["partitionColumns"] is JsonArray pcs)
        {
            partitionColumns = pcs.Select(c => (string?)c ?? "").ToList();
            if (schema is not null)
                foreach (var column in partitionColumns)
                    if (!schema.Fields.Any(f => f.Name == column)) p.Add($"partition column '{column}' is not in the schema");
        }
        if (body.ContainsKey("configuration")) StringMap(body["configuration"], "configuration", p, nullValues: false);
        else p.Add("configuration is missing");
        OptionalLong(body, "createdTime", p);
        return (partitionColumns, schema);
    }

    private static void CheckPath(JsonObject body, Problems p, string tablePath, bool mustExist)
    {
        Require(body, "path", JsonValueKind.String, p);
        if (body["path"] is not JsonValue v || !v.TryGetValue<string>(out var path)) return;
        if (path.Length == 0) { p.Add("path is empty"); return; }
        if (!Uri.TryCreate(path, UriKind.RelativeOrAbsolute, out _)) p.Add($"path '{path}' is not a URI");
        if (path.Contains(' ')) p.Add($"path '{path}' has an unescaped space");
        if (mustExist)
        {
            var onDisk = DeltaPaths.Resolve(tablePath, path);
            if (!File.Exists(onDisk)) p.Add($"path '{path}' names no file ({onDisk})");
        }
    }

    private static void CheckPartitionValues(JsonObject body, Problems p, List<string>? partitionColumns, bool required)
    {
        if (!body.ContainsKey("partitionValues")) { if (required) p.Add("required field 'partitionValues' is missing"); return; }
        StringMap(body["partitionValues"], "partitionValues", p, nullValues: true);
        if (partitionColumns is not null && body["partitionValues"] is JsonObject values)
        {
            var keys = values.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
            var expected = partitionColumns.Order(StringComparer.Ordinal).ToList();
            if (!keys.SequenceEqual(expected))
                p.Add($"partitionValues keys [{string.Join(", ", keys)}] are not exactly the partition columns [{string.Join(", ", expected)}]");
        }
    }

    private static void CheckAdd(JsonObject body, Problems p, List<string>? partitionColumns, StructType? schema, string tablePath)
    {
        CheckPath(body, p, tablePath, mustExist: true);
        CheckPartitionValues(body, p, partitionColumns, required: true);
        RequireLong(body, "size", p);
        if (IsLong(body["size"]) && (long)body["size"]! < 0) p.Add("size is negative");
        RequireLong(body, "modificationTime", p);
        RequireBool(body, "dataChange", p);
        if (body.ContainsKey("tags")) StringMap(body["tags"], "tags", p, nullValues: true);
        if (!body.ContainsKey("stats") || body["stats"] is null) return;
        if (body["stats"]!.GetValueKind() != JsonValueKind.String) { p.Add("stats is not a string"); return; }
        JsonObject? stats;
        try { stats = JsonNode.Parse((string)body["stats"]!) as JsonObject; }
        catch (JsonException e) { p.Add($"stats is not JSON: {e.Message}"); return; }
        if (stats is null) { p.Add("stats is not a JSON object"); return; }
        RequireLong(stats, "numRecords", p);
        foreach (var key in new[] { "minValues", "maxValues", "nullCount" })
            if (stats.ContainsKey(key) && stats[key] is not JsonObject) p.Add($"stats.{key} is not an object");
        if (stats["nullCount"] is JsonObject nulls) CheckNullCounts(nulls, "stats.nullCount", p);
        if (schema is not null)
            foreach (var key in new[] { "minValues", "maxValues", "nullCount" })
                if (stats[key] is JsonObject columns)
                    foreach (var (column, _) in columns)
                        if (!schema.Fields.Any(f => f.Name == column)) p.Add($"stats.{key} names '{column}', not a column of the schema");
                        else if (partitionColumns?.Contains(column) == true) p.Add($"stats.{key} has partition column '{column}'");
    }

    private static void CheckNullCounts(JsonObject counts, string where, Problems p)
    {
        foreach (var (key, value) in counts)
            if (value is JsonObject nested) CheckNullCounts(nested, where + "." + key, p);
            else if (!IsLong(value) || (long)value! < 0) p.Add($"{where}.{key} is not a count");
    }

    private static void CheckRemove(JsonObject body, Problems p, List<string>? partitionColumns)
    {
        CheckPath(body, p, "", mustExist: false);
        RequireLong(body, "deletionTimestamp", p);
        RequireBool(body, "dataChange", p);
        if (body.ContainsKey("extendedFileMetadata") && body["extendedFileMetadata"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            p.Add("extendedFileMetadata is not a boolean");
        CheckPartitionValues(body, p, partitionColumns, required: false);
        OptionalLong(body, "size", p);
        if (body.ContainsKey("stats") && body["stats"]?.GetValueKind() != JsonValueKind.String) p.Add("stats is not a string");
    }

    /// <summary>Checks the rows of a classic checkpoint: one action per row, typed as the protocol's checkpoint schema.</summary>
    private static void CheckCheckpoint(string file, List<string> problems)
    {
        var where = Path.GetFileName(file);
        IList<Dictionary<string, object>> rows;
        try
        {
            using var stream = File.OpenRead(file);
            rows = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult().Data;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            problems.Add($"{where}: not a readable Parquet file: {e.Message}");
            return;
        }
        int protocols = 0, metadatas = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var present = row.Where(kv => kv.Value is not null).ToList();
            var p = new Problems(problems, $"{where} row {r}");
            if (present.Count != 1) { p.Add($"{present.Count} actions in one row (one expected): {string.Join(", ", present.Select(kv => kv.Key))}"); continue; }
            var (kind, value) = present[0];
            if (value is not IDictionary<string, object> action) { p.Add($"'{kind}' is not a struct"); continue; }
            object? F(string name) => action.TryGetValue(name, out var v) ? v : null;
            bool IsString(object? v) => v is string or ReadOnlyMemory<char>;
            switch (kind)
            {
                case "protocol":
                    protocols++;
                    if (F("minReaderVersion") is not int) p.Add("minReaderVersion is not an int");
                    if (F("minWriterVersion") is not int) p.Add("minWriterVersion is not an int");
                    break;
                case "metaData":
                    metadatas++;
                    if (!IsString(F("id"))) p.Add("id is not a string");
                    if (!IsString(F("schemaString"))) p.Add("schemaString is not a string");
                    if (F("format") is not IDictionary<string, object> format || !IsString(format.TryGetValue("provider", out var pr) ? pr : null))
                        p.Add("format.provider is missing");
                    // Parquet.Net's untyped reader gives an empty list back as null, so null is accepted here (the commit's
                    // partitionColumns is checked strictly above).
                    if (F("partitionColumns") is not (IList or null)) p.Add($"partitionColumns is not a list: {F("partitionColumns")!.GetType().Name}");
                    break;
                case "add":
                    if (!IsString(F("path"))) p.Add("path is not a string");
                    if (F("partitionValues") is not IDictionary) p.Add("partitionValues is not a map");
                    if (F("size") is not long) p.Add("size is not a long");
                    if (F("modificationTime") is not long) p.Add("modificationTime is not a long");
                    if (F("dataChange") is not bool) p.Add("dataChange is not a boolean");
                    if (F("stats") is { } stats && !IsString(stats)) p.Add("stats is not a string");
                    if (F("stats") is { } st && IsString(st))
                    {
                        try { if (JsonNode.Parse(st.ToString()!)?["numRecords"] is null) p.Add("stats has no numRecords"); }
                        catch (JsonException e) { p.Add($"stats is not JSON: {e.Message}"); }
                    }
                    break;
                case "remove":
                    if (!IsString(F("path"))) p.Add("path is not a string");
                    if (F("deletionTimestamp") is not long) p.Add("deletionTimestamp is not a long");
                    if (F("dataChange") is not bool) p.Add("dataChange is not a boolean");
                    break;
                case "txn":
                    if (!IsString(F("appId"))) p.Add("appId is not a string");
                    if (F("version") is not long) p.Add("version is not a long");
                    break;
                case "commitInfo" or "cdc":
                    p.Add($"a checkpoint must not hold {kind}");
                    break;
            }
        }
        if (protocols != 1) problems.Add($"{where}: {protocols} protocol rows (one expected)");
        if (metadatas != 1) problems.Add($"{where}: {metadatas} metaData rows (one expected)");
    }
}

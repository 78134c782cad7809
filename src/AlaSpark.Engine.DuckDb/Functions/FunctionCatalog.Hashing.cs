using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Functions;

internal static partial class FunctionCatalog
{
    private static void AddHashing(Adder add)
    {
        const string cat = "hashing";
        add(cat, "sha2", 2, 2, c =>
        {
            var bits = c.LiteralInt(1, "bit length");
            var input = HashInput(c);
            return bits switch
            {
                0 or 256 => c.Result($"sha256({input})", StringType.Instance),
                224 or 384 or 512 => c.Result($"{Udfs.Sha2}({input}, {bits})", StringType.Instance),
                // Spark returns NULL for an unsupported bit length.
                _ => c.Result("CAST(NULL AS VARCHAR)", StringType.Instance, true),
            };
        });
        add(cat, "sha1", 1, 1, c => c.Result($"sha1({HashInput(c)})", StringType.Instance));
        add(cat, "sha", 1, 1, c => c.Result($"sha1({HashInput(c)})", StringType.Instance));
        add(cat, "md5", 1, 1, c => c.Result($"md5({HashInput(c)})", StringType.Instance));
        add(cat, "crc32", 1, 1, c => c.Result($"{Udfs.Crc32}({HashInput(c)})", LongType.Instance));
        // Spark: seed 42; each argument continues the hash of the previous ones; NULLs are skipped.
        add(cat, "hash", 1, Many, c => SparkHash(c, Udfs.Murmur3Prefix, "CAST(42 AS INTEGER)", IntegerType.Instance));
        add(cat, "xxhash64", 1, Many, c => SparkHash(c, Udfs.XxHash64Prefix, "CAST(42 AS BIGINT)", LongType.Instance));
        // Not a Spark function: HMAC-SHA256 with a secret key, hex encoded (HashColumn with a salt).
        // The second argument names a secret; the key itself never enters the plan or the SQL text.
        add(cat, "alaspark_hmac_sha256", 2, 2, c => c.Result(
            $"{Udfs.HmacSha256}({(c.Arg(0).Type is BinaryType ? $"{Udfs.Utf8Text}({c.Arg(0).Sql})" : c.String(0))}, {c.Compiler.SecretReference(c.LiteralString(1, "secret name"))})", StringType.Instance));
    }

    private static TypedSql SparkHash(FunctionContext c, string prefix, string seed, DataType type)
    {
        var lambdas = 0;
        var hash = seed;
        foreach (var argument in c.Args) hash = HashStep(c, prefix, argument.Sql, argument.Type, hash, ref lambdas);
        return c.Result(hash, type, false);
    }

    /// <summary>SQL that continues <paramref name="seed"/> with one value, the way Spark's HashExpression walks its type.</summary>
    private static string HashStep(FunctionContext c, string prefix, string value, DataType type, string seed, ref int lambdas)
    {
        switch (type)
        {
            case NullType: return seed;
            case BooleanType or ByteType or ShortType or IntegerType: return $"{prefix}int(CAST({value} AS INTEGER), {seed})";
            case DateType: return $"{prefix}int(CAST(({value}) - DATE '1970-01-01' AS INTEGER), {seed})";
            case LongType: return $"{prefix}long({value}, {seed})";
            case TimestampType or TimestampNtzType: return $"{prefix}long(epoch_us({value}), {seed})";
            case FloatType: return $"{prefix}float({value}, {seed})";
            case DoubleType: return $"{prefix}double({value}, {seed})";
            case StringType: return $"{prefix}string({value}, {seed})";
            case BinaryType: return $"{prefix}binary({value}, {seed})";
            case DecimalType d when d.Precision <= 18:
                // Spark hashes a decimal of up to 18 digits as its unscaled long.
                var unscaled = System.Numerics.BigInteger.Pow(10, d.Scale).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return $"{prefix}long(CAST(({value}) * {unscaled} AS BIGINT), {seed})";
            case ArrayType a:
            {
                var (acc, e) = ($"__hash_acc{lambdas}", $"__hash_e{lambdas}");
                lambdas++;
                return $"list_reduce(coalesce({value}, CAST([] AS {TypeMapping.ToDuckDb(a)})), ({acc}, {e}) -> {HashStep(c, prefix, e, a.ElementType, acc, ref lambdas)}, {seed})";
            }
            case MapType m:
            {
                var (acc, e) = ($"__hash_acc{lambdas}", $"__hash_e{lambdas}");
                lambdas++;
                var entries = $"STRUCT(key {TypeMapping.ToDuckDb(m.KeyType)}, value {TypeMapping.ToDuckDb(m.ValueType)})[]";
                var key = HashStep(c, prefix, $"{e}.key", m.KeyType, acc, ref lambdas);
                return $"list_reduce(coalesce(map_entries({value}), CAST([] AS {entries})), ({acc}, {e}) -> {HashStep(c, prefix, $"{e}.value", m.ValueType, key, ref lambdas)}, {seed})";
            }
            case StructType st:
            {
                var hash = seed;
                foreach (var f in st.Fields) hash = HashStep(c, prefix, $"struct_extract({value}, {SqlText.String(f.Name)})", f.DataType, hash, ref lambdas);
                return hash;
            }
            default:
                throw new AlaSparkException($"{c.Name}() of a {type.SimpleString} value is not supported by the embedded engine.");
        }
    }

    /// <summary>The bytes to hash: binary as it is, anything else as the UTF-8 bytes of its text.</summary>
    private static string HashInput(FunctionContext c) => c.Arg(0).Type is BinaryType ? c.Arg(0).Sql : $"encode({c.String(0)})";
}

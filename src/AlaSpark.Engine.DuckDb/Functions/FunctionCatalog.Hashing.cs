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
        // Not a Spark function: HMAC-SHA256 with a secret key, hex encoded (HashColumn with a salt).
        // The second argument names a secret; the key itself never enters the plan or the SQL text.
        add(cat, "alaspark_hmac_sha256", 2, 2, c => c.Result(
            $"{Udfs.HmacSha256}({HashInput(c)}, {c.Compiler.SecretReference(c.LiteralString(1, "secret name"))})", StringType.Instance));
    }

    private static string HashInput(FunctionContext c) => c.Arg(0).Type is BinaryType ? $"decode({c.Arg(0).Sql})" : c.String(0);
}

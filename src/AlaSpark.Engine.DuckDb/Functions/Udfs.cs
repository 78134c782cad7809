using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;

namespace AlaSpark.Engine.DuckDb.Functions;

/// <summary>
/// Scalar functions written in C# and registered with DuckDB, for what DuckDB lacks: SHA-224/384/512,
/// CRC32 and the keyed HMAC-SHA256 that <c>HashColumn</c> uses with a secret salt.
/// </summary>
internal static class Udfs
{
    public const string Sha2 = "alaspark_sha2";
    public const string Crc32 = "alaspark_crc32";
    public const string HmacSha256 = "alaspark_hmac_sha256_udf";

    public const string Soundex = "alaspark_soundex";
    public const string JavaDoubleText = "alaspark_java_double_text";
    public const string Utf8Text = "alaspark_utf8_text";
    public const string JavaFloatText = "alaspark_java_float_text";

    /// <summary>Spark's <c>from_utc_timestamp</c>: the wall-clock time in a time zone of a UTC timestamp.</summary>
    public const string FromUtcTimestamp = "alaspark_from_utc_timestamp";

    /// <summary>Spark's <c>to_utc_timestamp</c>: the UTC time of a wall-clock time in a time zone.</summary>
    public const string ToUtcTimestamp = "alaspark_to_utc_timestamp";

    /// <summary>Spark's <c>hash</c> step for one value: <c>alaspark_murmur3_int(value, seed)</c>; a NULL value returns the seed.</summary>
    public const string Murmur3Prefix = "alaspark_murmur3_";

    /// <summary>Spark's <c>xxhash64</c> step for one value.</summary>
    public const string XxHash64Prefix = "alaspark_xxhash64_";

    public static void Register(DuckDBConnection connection)
    {
        // DuckDB.NET calls a scalar function for NULL rows too: every function here checks IsValid.
        var pure = new ScalarFunctionOptions { IsPureFunction = true, HandlesNulls = true };
        connection.RegisterScalarFunction<byte[], int, string>(Sha2, (readers, writer, count) =>
        {
            for (ulong i = 0; i < count; i++)
            {
                if (!readers[0].IsValid(i) || !readers[1].IsValid(i)) { writer.WriteNull(i); continue; }
                var bytes = Read<byte[]>(readers[0], i);
                var hash = readers[1].GetValue<int>(i) switch
                {
                    224 => Sha224(bytes),
                    384 => SHA384.HashData(bytes),
                    512 => SHA512.HashData(bytes),
                    _ => SHA256.HashData(bytes),
                };
                writer.WriteValue(Convert.ToHexStringLower(hash), i);
            }
        }, pure);
        connection.RegisterScalarFunction<byte[], long>(Crc32, (readers, writer, count) =>
        {
            for (ulong i = 0; i < count; i++)
            {
                if (!readers[0].IsValid(i)) { writer.WriteNull(i); continue; }
                writer.WriteValue((long)ComputeCrc32(Read<byte[]>(readers[0], i)), i);
            }
        }, pure, false);
        connection.RegisterScalarFunction<string, string, string>(HmacSha256, (readers, writer, count) =>
        {
            byte[]? key = null;
            string? keyText = null;
            for (ulong i = 0; i < count; i++)
            {
                if (!readers[0].IsValid(i) || !readers[1].IsValid(i)) { writer.WriteNull(i); continue; }
                var k = readers[1].GetValue<string>(i);
                if (!ReferenceEquals(k, keyText) && k != keyText) { keyText = k; key = Encoding.UTF8.GetBytes(k); }
                var mac = HMACSHA256.HashData(key!, Encoding.UTF8.GetBytes(readers[0].GetValue<string>(i)));
                writer.WriteValue(Convert.ToHexStringLower(mac), i);
            }
        }, pure);
        RegisterHashes(connection);
        connection.RegisterScalarFunction<string, string>(Soundex, (readers, writer, count) =>
        {
            for (ulong i = 0; i < count; i++)
            {
                if (!readers[0].IsValid(i)) writer.WriteNull(i);
                else writer.WriteValue(SparkSoundex(readers[0].GetValue<string>(i)), i);
            }
        }, pure, false);
        connection.RegisterScalarFunction<byte[], string>(Utf8Text, (readers, writer, count) =>
        {
            // Invalid UTF-8 becomes U+FFFD, as Java's new String(bytes, UTF_8) does.
            for (ulong i = 0; i < count; i++)
            {
                if (!readers[0].IsValid(i)) writer.WriteNull(i);
                else writer.WriteValue(Encoding.UTF8.GetString(Read<byte[]>(readers[0], i)), i);
            }
        }, pure, false);
        connection.RegisterScalarFunction<double, string>(JavaDoubleText, (readers, writer, count) =>
        {
            for (ulong i = 0; i < count; i++)
            {
                if (!readers[0].IsValid(i)) writer.WriteNull(i);
                else writer.WriteValue(JavaText.Double(readers[0].GetValue<double>(i)), i);
            }
        }, pure, false);
        connection.RegisterScalarFunction<float, string>(JavaFloatText, (readers, writer, count) =>
        {
            for (ulong i = 0; i < count; i++)
            {
                if (!readers[0].IsValid(i)) writer.WriteNull(i);
                else writer.WriteValue(JavaText.Float(readers[0].GetValue<float>(i)), i);
            }
        }, pure, false);
        RegisterTimeZoneConversion(connection, FromUtcTimestamp, SparkTimeZone.FromUtc, pure);
        RegisterTimeZoneConversion(connection, ToUtcTimestamp, SparkTimeZone.ToUtc, pure);
    }

    /// <summary>A conversion of a timestamp by a time-zone id (Spark's ids and java.time's rules, see <see cref="SparkTimeZone"/>).</summary>
    private static void RegisterTimeZoneConversion(DuckDBConnection connection, string name, Func<DateTime, TimeZoneInfo, DateTime> convert, ScalarFunctionOptions options)
    {
        connection.RegisterScalarFunction<DateTime, string, DateTime>(name, (readers, writer, count) =>
        {
            string? id = null;
            var zone = TimeZoneInfo.Utc;
            for (ulong i = 0; i < count; i++)
            {
                if (!readers[0].IsValid(i) || !readers[1].IsValid(i)) { writer.WriteNull(i); continue; }
                var next = readers[1].GetValue<string>(i);
                if (next != id)
                {
                    if (!SparkTimeZone.TryResolve(next, out zone, out var error))
                        throw new AlaSparkException($"[INVALID_TIMEZONE] {error}.");
                    id = next;
                }
                writer.WriteValue(convert(readers[0].GetValue<DateTime>(i), zone), i);
            }
        }, options);
    }

    /// <summary>Spark's soundex (<c>UTF8String.soundex</c>): a string that doesn't start with an ASCII
    /// letter is returned unchanged; H and W don't separate equal codes, other non-letters do.</summary>
    internal static string SparkSoundex(string value)
    {
        const string codes = "01230127022455012623017202";
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length == 0) return value;
        var first = (char)bytes[0];
        if (first is >= 'a' and <= 'z') first = (char)(first - 32);
        if (first is < 'A' or > 'Z') return value;
        var result = new[] { first, '0', '0', '0' };
        var length = 1;
        var last = codes[first - 'A'];
        for (var i = 1; i < bytes.Length && length < 4; i++)
        {
            var b = (char)bytes[i];
            if (b is >= 'a' and <= 'z') b = (char)(b - 32);
            else if (b is < 'A' or > 'Z') { last = '0'; continue; }
            var code = codes[b - 'A'];
            if (code == '7') continue;
            if (code != '0' && code != last) result[length++] = code;
            last = code;
        }
        return new string(result);
    }

    /// <summary>The hash steps of Spark's <c>hash</c> and <c>xxhash64</c>, one per kind of value
    /// (int, long, float, double, string, binary). They handle NULL themselves: a NULL value leaves the seed.</summary>
    private static void RegisterHashes(DuckDBConnection connection)
    {
        var options = new ScalarFunctionOptions { IsPureFunction = true, HandlesNulls = true };
        void Murmur<T>(string kind, Func<T, int, int> hash) =>
            connection.RegisterScalarFunction<T, int, int>(Murmur3Prefix + kind, (readers, writer, count) =>
            {
                for (ulong i = 0; i < count; i++)
                {
                    var seed = readers[1].GetValue<int>(i);
                    writer.WriteValue(readers[0].IsValid(i) ? hash(Read<T>(readers[0], i), seed) : seed, i);
                }
            }, options);
        void Xx<T>(string kind, Func<T, long, long> hash) =>
            connection.RegisterScalarFunction<T, long, long>(XxHash64Prefix + kind, (readers, writer, count) =>
            {
                for (ulong i = 0; i < count; i++)
                {
                    var seed = readers[1].GetValue<long>(i);
                    writer.WriteValue(readers[0].IsValid(i) ? hash(Read<T>(readers[0], i), seed) : seed, i);
                }
            }, options);

        Murmur<int>("int", SparkHashes.Murmur3Int);
        Murmur<long>("long", SparkHashes.Murmur3Long);
        Murmur<float>("float", (v, seed) => SparkHashes.Murmur3Int(SparkHashes.FloatBits(v), seed));
        Murmur<double>("double", (v, seed) => SparkHashes.Murmur3Long(SparkHashes.DoubleBits(v), seed));
        Murmur<string>("string", (v, seed) => SparkHashes.Murmur3Bytes(Encoding.UTF8.GetBytes(v), seed));
        Murmur<byte[]>("binary", (v, seed) => SparkHashes.Murmur3Bytes(v, seed));
        Xx<int>("int", SparkHashes.XxHash64Int);
        Xx<long>("long", SparkHashes.XxHash64Long);
        Xx<float>("float", (v, seed) => SparkHashes.XxHash64Int(SparkHashes.FloatBits(v), seed));
        Xx<double>("double", (v, seed) => SparkHashes.XxHash64Long(SparkHashes.DoubleBits(v), seed));
        Xx<string>("string", (v, seed) => SparkHashes.XxHash64Bytes(Encoding.UTF8.GetBytes(v), seed));
        Xx<byte[]>("binary", (v, seed) => SparkHashes.XxHash64Bytes(v, seed));
    }

    /// <summary>Reads one value of a UDF argument; a BLOB arrives as a stream.</summary>
    private static T Read<T>(DuckDB.NET.Data.DataChunk.Reader.IDuckDBDataReader reader, ulong row)
    {
        if (typeof(T) != typeof(byte[])) return reader.GetValue<T>(row);
        using var stream = reader.GetValue<Stream>(row);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (T)(object)copy.ToArray();
    }

    private static uint[]? _crcTable;

    internal static uint ComputeCrc32(ReadOnlySpan<byte> data)
    {
        var table = _crcTable ??= BuildCrcTable();
        var crc = 0xFFFFFFFFu;
        foreach (var b in data) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>SHA-224: SHA-256 with other initial values, truncated to 28 bytes (FIPS 180-4).</summary>
    internal static byte[] Sha224(byte[] message)
    {
        uint[] h = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4];
        var bitLength = (ulong)message.Length * 8;
        var padded = new byte[((message.Length + 9 + 63) / 64) * 64];
        message.CopyTo(padded, 0);
        padded[message.Length] = 0x80;
        for (var i = 0; i < 8; i++) padded[^(i + 1)] = (byte)(bitLength >> (8 * i));
        var w = new uint[64];
        for (var chunk = 0; chunk < padded.Length; chunk += 64)
        {
            for (var i = 0; i < 16; i++)
                w[i] = (uint)(padded[chunk + 4 * i] << 24 | padded[chunk + 4 * i + 1] << 16 | padded[chunk + 4 * i + 2] << 8 | padded[chunk + 4 * i + 3]);
            for (var i = 16; i < 64; i++)
            {
                var s0 = uint.RotateRight(w[i - 15], 7) ^ uint.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
                var s1 = uint.RotateRight(w[i - 2], 17) ^ uint.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16] + s0 + w[i - 7] + s1;
            }
            uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
            for (var i = 0; i < 64; i++)
            {
                var t1 = hh + (uint.RotateRight(e, 6) ^ uint.RotateRight(e, 11) ^ uint.RotateRight(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
                var t2 = (uint.RotateRight(a, 2) ^ uint.RotateRight(a, 13) ^ uint.RotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
                hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
            }
            h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
        }
        var result = new byte[28];
        for (var i = 0; i < 7; i++)
        {
            result[4 * i] = (byte)(h[i] >> 24); result[4 * i + 1] = (byte)(h[i] >> 16);
            result[4 * i + 2] = (byte)(h[i] >> 8); result[4 * i + 3] = (byte)h[i];
        }
        return result;
    }

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];
}

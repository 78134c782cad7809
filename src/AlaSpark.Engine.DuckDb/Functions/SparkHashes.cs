using System.Buffers.Binary;

namespace AlaSpark.Engine.DuckDb.Functions;

/// <summary>
/// The hash functions behind Spark's <c>hash</c> (Murmur3 x86 32-bit) and <c>xxhash64</c> (XXH64),
/// with Spark's conventions: ints and longs are hashed as 4 and 8 little-endian bytes, and Spark's
/// Murmur3 hashes the 1 to 3 bytes after the last whole word one (signed) byte at a time, unlike
/// the reference algorithm. Each call continues from a seed, so a row's columns chain.
/// </summary>
internal static class SparkHashes
{
    // ---- Murmur3 x86 32 ---------------------------------------------------------------------

    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    public static int Murmur3Int(int value, int seed)
    {
        var h1 = MixH1((uint)seed, MixK1((uint)value));
        return (int)Fmix(h1, 4);
    }

    public static int Murmur3Long(long value, int seed)
    {
        var h1 = MixH1((uint)seed, MixK1((uint)value));
        h1 = MixH1(h1, MixK1((uint)(value >>> 32)));
        return (int)Fmix(h1, 8);
    }

    public static int Murmur3Bytes(ReadOnlySpan<byte> data, int seed)
    {
        var h1 = (uint)seed;
        var aligned = data.Length - data.Length % 4;
        for (var i = 0; i < aligned; i += 4)
            h1 = MixH1(h1, MixK1(BinaryPrimitives.ReadUInt32LittleEndian(data[i..])));
        for (var i = aligned; i < data.Length; i++)
            h1 = MixH1(h1, MixK1((uint)(sbyte)data[i]));
        return (int)Fmix(h1, (uint)data.Length);
    }

    private static uint MixK1(uint k1)
    {
        k1 *= C1;
        k1 = uint.RotateLeft(k1, 15);
        return k1 * C2;
    }

    private static uint MixH1(uint h1, uint k1)
    {
        h1 ^= k1;
        h1 = uint.RotateLeft(h1, 13);
        return h1 * 5 + 0xe6546b64;
    }

    private static uint Fmix(uint h1, uint length)
    {
        h1 ^= length;
        h1 ^= h1 >> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >> 16;
        return h1;
    }

    // ---- XXH64 ----------------------------------------------------------------------------------

    private const ulong P1 = 0x9E3779B185EBCA87UL;
    private const ulong P2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong P3 = 0x165667B19E3779F9UL;
    private const ulong P4 = 0x85EBCA77C2B2AE63UL;
    private const ulong P5 = 0x27D4EB2F165667C5UL;

    public static long XxHash64Int(int value, long seed)
    {
        var hash = (ulong)seed + P5 + 4UL;
        hash ^= (uint)value * P1;
        hash = ulong.RotateLeft(hash, 23) * P2 + P3;
        return (long)XxFmix(hash);
    }

    public static long XxHash64Long(long value, long seed)
    {
        var hash = (ulong)seed + P5 + 8UL;
        hash ^= ulong.RotateLeft((ulong)value * P2, 31) * P1;
        hash = ulong.RotateLeft(hash, 27) * P1 + P4;
        return (long)XxFmix(hash);
    }

    public static long XxHash64Bytes(ReadOnlySpan<byte> data, long seed)
    {
        var s = (ulong)seed;
        var offset = 0;
        ulong hash;
        if (data.Length >= 32)
        {
            var (v1, v2, v3, v4) = (s + P1 + P2, s + P2, s, s - P1);
            for (; offset <= data.Length - 32; offset += 32)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data[offset..]));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data[(offset + 8)..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data[(offset + 16)..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data[(offset + 24)..]));
            }
            hash = ulong.RotateLeft(v1, 1) + ulong.RotateLeft(v2, 7) + ulong.RotateLeft(v3, 12) + ulong.RotateLeft(v4, 18);
            hash = Merge(Merge(Merge(Merge(hash, v1), v2), v3), v4);
        }
        else
        {
            hash = s + P5;
        }
        hash += (ulong)data.Length;
        for (; offset <= data.Length - 8; offset += 8)
        {
            hash ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data[offset..]));
            hash = ulong.RotateLeft(hash, 27) * P1 + P4;
        }
        if (offset <= data.Length - 4)
        {
            hash ^= BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]) * P1;
            hash = ulong.RotateLeft(hash, 23) * P2 + P3;
            offset += 4;
        }
        for (; offset < data.Length; offset++)
        {
            hash ^= data[offset] * P5;
            hash = ulong.RotateLeft(hash, 11) * P1;
        }
        return (long)XxFmix(hash);
    }

    private static ulong Round(ulong acc, ulong input) => ulong.RotateLeft(acc + input * P2, 31) * P1;

    private static ulong Merge(ulong hash, ulong v) => (hash ^ Round(0, v)) * P1 + P4;

    private static ulong XxFmix(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= P2;
        hash ^= hash >> 29;
        hash *= P3;
        hash ^= hash >> 32;
        return hash;
    }

    // ---- floating point, as Spark normalizes it before hashing ----------------------------------

    /// <summary>Java's <c>floatToIntBits</c> after Spark's normalization: -0.0 hashes as 0.0, every NaN as Java's canonical NaN.</summary>
    public static int FloatBits(float f) => float.IsNaN(f) ? 0x7fc00000 : BitConverter.SingleToInt32Bits(f == 0f ? 0f : f);

    /// <summary>Java's <c>doubleToLongBits</c> after Spark's normalization.</summary>
    public static long DoubleBits(double d) => double.IsNaN(d) ? 0x7ff8000000000000L : BitConverter.DoubleToInt64Bits(d == 0d ? 0d : d);
}

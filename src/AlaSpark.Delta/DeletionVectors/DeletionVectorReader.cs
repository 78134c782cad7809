using System.Buffers.Binary;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Storage;

namespace AlaSpark.Delta.DeletionVectors;

/// <summary>
/// Reads deletion vectors: the sets of row indexes (0-based positions in the data file) that a logical file
/// no longer holds. Inline vectors are Z85 text in the log; the others are stored in DV files
/// (format version 1: for each vector its big-endian size, the serialized bitmap and a CRC-32). The bitmap
/// is Delta's: the magic number 1681511377 and a 64-bit RoaringBitmap in the portable format.
/// </summary>
public static class DeletionVectorReader
{
    public const int MagicNumber = 1681511377;
    public const int NativeMagicNumber = 1681511376;

    /// <summary>The absolute path of the file holding a vector stored on disk (<c>u</c> or <c>p</c>).</summary>
    public static string FilePath(string tableRoot, DeletionVectorDescriptor dv)
    {
        switch (dv.StorageType)
        {
            case DeletionVectorDescriptor.AbsolutePathStorage:
                return DeltaPaths.Resolve(tableRoot, dv.PathOrInlineDv);
            case DeletionVectorDescriptor.RelativeStorage:
                var text = dv.PathOrInlineDv;
                if (text.Length < 20) throw new InvalidDataException($"The deletion vector path '{text}' is shorter than a Z85-encoded UUID.");
                var prefix = text[..^20];
                var uuid = Z85.Decode(text[^20..], 16);
                var name = $"deletion_vector_{FormatUuid(uuid)}.bin";
                return Path.GetFullPath(prefix.Length == 0 ? Path.Combine(tableRoot, name) : Path.Combine(tableRoot, prefix, name));
            default:
                throw new InvalidDataException($"A deletion vector stored as '{dv.StorageType}' has no file.");
        }
    }

    /// <summary>The deleted row indexes, ascending. The count is checked against the descriptor's cardinality.</summary>
    public static long[] Read(ILogStore store, string tableRoot, DeletionVectorDescriptor dv)
    {
        byte[] bitmap;
        string where;
        if (dv.IsInline)
        {
            bitmap = Z85.Decode(dv.PathOrInlineDv, dv.SizeInBytes);
            where = "the inline deletion vector";
        }
        else
        {
            var path = FilePath(tableRoot, dv);
            where = $"the deletion vector in {path}";
            bitmap = ReadFromFile(store, path, dv.Offset ?? 0, dv.SizeInBytes);
        }
        var rows = Deserialize(bitmap, where);
        if (rows.Length != dv.Cardinality)
            throw new InvalidDataException($"{Capitalize(where)} holds {rows.Length} rows, but its descriptor says {dv.Cardinality}.");
        return rows;
    }

    private static byte[] ReadFromFile(ILogStore store, string path, int offset, int sizeInBytes)
    {
        using var stream = store.OpenRead(path);
        var version = stream.ReadByte();
        if (version != 1) throw new InvalidDataException($"The deletion vector file {path} has format version {version}; AlaSpark reads version 1.");
        if (offset == 0) offset = 1; // an absent offset: the first vector, right after the version byte
        stream.Seek(offset, SeekOrigin.Begin);
        var header = new byte[4];
        stream.ReadExactly(header);
        var size = BinaryPrimitives.ReadInt32BigEndian(header);
        if (size != sizeInBytes)
            throw new InvalidDataException($"The deletion vector at offset {offset} of {path} is {size} bytes, but its descriptor says {sizeInBytes}.");
        var data = new byte[size];
        stream.ReadExactly(data);
        var crc = new byte[4];
        stream.ReadExactly(crc);
        var expected = BinaryPrimitives.ReadUInt32BigEndian(crc);
        var actual = Crc32.Compute(data);
        if (expected != actual)
            throw new InvalidDataException($"The deletion vector at offset {offset} of {path} fails its CRC-32 check ({actual:x8}, expected {expected:x8}).");
        return data;
    }

    /// <summary>
    /// Reads Delta's serialized bitmap ("RoaringBitmapArray"): the magic number 1681511377 (little-endian)
    /// then a portable 64-bit RoaringBitmap, which is what the protocol specifies; or the older native layout,
    /// the magic number 1681511376 (big-endian), a count of 32-bit bitmaps and each one's size and bytes
    /// (bitmap i holding the values whose high 32 bits are i), which the protocol's inline example uses.
    /// </summary>
    public static long[] Deserialize(ReadOnlySpan<byte> data, string where = "the deletion vector")
    {
        try
        {
            if (data.Length < 8) throw new InvalidDataException("it is too short");
            var magic = BinaryPrimitives.ReadInt32LittleEndian(data);
            if (magic == MagicNumber) return Roaring.ReadPortable64(data[4..]);
            if (BinaryPrimitives.ReadInt32BigEndian(data) == NativeMagicNumber) return ReadNative(data[4..]);
            throw new InvalidDataException($"its magic number is {magic}, not {MagicNumber}");
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{Capitalize(where)} is not a valid Delta deletion vector: {e.Message}", e);
        }
    }

    private static long[] ReadNative(ReadOnlySpan<byte> data)
    {
        var count = BinaryPrimitives.ReadInt32BigEndian(data);
        if (count < 0) throw new InvalidDataException($"{count} bitmaps");
        var position = 4;
        var result = new List<long>();
        for (long high = 0; high < count; high++)
        {
            var size = BinaryPrimitives.ReadInt32BigEndian(data[position..]);
            position += 4;
            if (size < 0 || position + size > data.Length) throw new InvalidDataException($"bitmap {high} of {size} bytes overruns the data");
            var prefix = high << 32;
            Roaring.Read32(data.Slice(position, size), low => result.Add(prefix | low));
            position += size;
        }
        return result.ToArray();
    }

    private static string FormatUuid(byte[] b) => Convert.ToHexStringLower(b) is var h
        ? $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}"
        : "";

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>Z85 (ZeroMQ's Base85), the encoding of inline deletion vectors and of DV file UUIDs.</summary>
public static class Z85
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    private static readonly sbyte[] Values = BuildValues();

    /// <summary>Decodes the text (a multiple of 5 characters) and keeps the first <paramref name="length"/> bytes.</summary>
    public static byte[] Decode(string text, int length)
    {
        if (text.Length % 5 != 0) throw new InvalidDataException($"Z85 text has {text.Length} characters, not a multiple of 5.");
        var bytes = new byte[text.Length / 5 * 4];
        for (int i = 0, o = 0; i < text.Length; i += 5, o += 4)
        {
            ulong value = 0;
            for (var j = 0; j < 5; j++)
            {
                var c = text[i + j];
                var digit = c < 128 ? Values[c] : (sbyte)-1;
                if (digit < 0) throw new InvalidDataException($"'{c}' is not a Z85 character.");
                value = value * 85 + (ulong)digit;
            }
            if (value > uint.MaxValue) throw new InvalidDataException("Z85 group overflows 32 bits.");
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(o), (uint)value);
        }
        if (length > bytes.Length) throw new InvalidDataException($"Z85 text holds {bytes.Length} bytes, fewer than {length}.");
        return length == bytes.Length ? bytes : bytes[..length];
    }

    /// <summary>Encodes bytes, padding them with zeros to a multiple of 4.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var padded = new byte[(data.Length + 3) / 4 * 4];
        data.CopyTo(padded);
        var chars = new char[padded.Length / 4 * 5];
        for (int i = 0, o = 0; i < padded.Length; i += 4, o += 5)
        {
            ulong value = BinaryPrimitives.ReadUInt32BigEndian(padded.AsSpan(i));
            for (var j = 4; j >= 0; j--)
            {
                chars[o + j] = Alphabet[(int)(value % 85)];
                value /= 85;
            }
        }
        return new string(chars);
    }

    private static sbyte[] BuildValues()
    {
        var values = Enumerable.Repeat((sbyte)-1, 128).ToArray();
        for (var i = 0; i < Alphabet.Length; i++) values[Alphabet[i]] = (sbyte)i;
        return values;
    }
}

/// <summary>CRC-32 (IEEE 802.3, as <c>java.util.zip.CRC32</c>).</summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}

/// <summary>Reads RoaringBitmap's standard serialization (32-bit) and its portable 64-bit extension.</summary>
internal static class Roaring
{
    private const int SerialCookieNoRunContainer = 12346;
    private const int SerialCookie = 12347;
    private const int NoOffsetThreshold = 4;

    /// <summary>The portable 64-bit format: a count of buckets, then each bucket's high 32 bits and a 32-bit bitmap.</summary>
    public static long[] ReadPortable64(ReadOnlySpan<byte> data)
    {
        var buckets = BinaryPrimitives.ReadInt64LittleEndian(data);
        if (buckets < 0 || buckets > int.MaxValue) throw new InvalidDataException($"{buckets} buckets");
        var position = 8;
        var result = new List<long>();
        long previousKey = -1;
        for (var b = 0; b < buckets; b++)
        {
            var key = BinaryPrimitives.ReadUInt32LittleEndian(data[position..]);
            position += 4;
            if ((key & 0x80000000u) != 0) throw new InvalidDataException($"bucket key {key} has its most significant bit set");
            if (key <= previousKey) throw new InvalidDataException("bucket keys are not ascending");
            previousKey = key;
            var high = (long)key << 32;
            position += Read32(data[position..], low => result.Add(high | low));
        }
        return result.ToArray();
    }

    /// <summary>Reads one 32-bit RoaringBitmap, reporting its values in ascending order; returns the bytes read.</summary>
    public static int Read32(ReadOnlySpan<byte> data, Action<long> add)
    {
        var position = 0;
        var cookie = BinaryPrimitives.ReadInt32LittleEndian(data);
        position += 4;
        int containers;
        byte[]? runFlags = null;
        if ((cookie & 0xFFFF) == SerialCookie)
        {
            containers = (int)((uint)cookie >> 16) + 1;
            var flagBytes = (containers + 7) / 8;
            runFlags = data.Slice(position, flagBytes).ToArray();
            position += flagBytes;
        }
        else if (cookie == SerialCookieNoRunContainer)
        {
            containers = BinaryPrimitives.ReadInt32LittleEndian(data[position..]);
            position += 4;
        }
        else
        {
            throw new InvalidDataException($"unknown RoaringBitmap cookie {cookie}");
        }
        if (containers < 0 || containers > 65536) throw new InvalidDataException($"{containers} containers");

        var keys = new int[containers];
        var cardinalities = new int[containers];
        for (var i = 0; i < containers; i++)
        {
            keys[i] = BinaryPrimitives.ReadUInt16LittleEndian(data[position..]);
            cardinalities[i] = BinaryPrimitives.ReadUInt16LittleEndian(data[(position + 2)..]) + 1;
            position += 4;
        }
        if (runFlags is null || containers >= NoOffsetThreshold) position += 4 * containers; // offsets: not needed reading in order

        for (var i = 0; i < containers; i++)
        {
            var high = (long)keys[i] << 16;
            var isRun = runFlags is not null && (runFlags[i / 8] & (1 << (i % 8))) != 0;
            if (isRun)
            {
                var runs = BinaryPrimitives.ReadUInt16LittleEndian(data[position..]);
                position += 2;
                for (var r = 0; r < runs; r++)
                {
                    int start = BinaryPrimitives.ReadUInt16LittleEndian(data[position..]);
                    int length = BinaryPrimitives.ReadUInt16LittleEndian(data[(position + 2)..]);
                    position += 4;
                    for (var v = start; v <= start + length; v++) add(high | (uint)v);
                }
            }
            else if (cardinalities[i] <= 4096)
            {
                for (var j = 0; j < cardinalities[i]; j++)
                {
                    add(high | BinaryPrimitives.ReadUInt16LittleEndian(data[position..]));
                    position += 2;
                }
            }
            else
            {
                for (var w = 0; w < 1024; w++)
                {
                    var word = BinaryPrimitives.ReadUInt64LittleEndian(data[position..]);
                    position += 8;
                    while (word != 0)
                    {
                        var bit = System.Numerics.BitOperations.TrailingZeroCount(word);
                        add(high | (uint)(w * 64 + bit));
                        word &= word - 1;
                    }
                }
            }
        }
        return position;
    }
}

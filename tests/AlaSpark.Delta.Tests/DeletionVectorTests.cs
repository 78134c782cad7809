using System.Buffers.Binary;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.DeletionVectors;
using AlaSpark.Delta.Storage;

namespace AlaSpark.Delta.Tests;

public class DeletionVectorTests
{
    [Fact]
    public void The_protocols_inline_example_holds_rows_3_4_7_11_18_29()
    {
        var dv = new DeletionVectorDescriptor("i", "wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L", null, 40, 6);
        Assert.Equal(new long[] { 3, 4, 7, 11, 18, 29 }, DeletionVectorReader.Read(LocalLogStore.Instance, "/t", dv));
    }

    [Fact]
    public void The_protocols_relative_path_example_names_the_file_from_the_uuid()
    {
        var dv = new DeletionVectorDescriptor("u", "ab^-aqEH.-t@S}K{vb[*k^", 4, 40, 6);
        Assert.Equal("/mytable/ab/deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin", DeletionVectorReader.FilePath("/mytable", dv));
        var absolute = new DeletionVectorDescriptor("p", "file:///mytable/deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin", 4, 40, 6);
        Assert.Equal("/mytable/deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin", DeletionVectorReader.FilePath("/t", absolute));
    }

    [Fact]
    public void Z85_round_trips_and_crc32_matches_the_standard_check_value()
    {
        var bytes = new byte[] { 0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B };
        Assert.Equal("HelloWorld", Z85.Encode(bytes)); // the Z85 specification's test vector
        Assert.Equal(bytes, Z85.Decode("HelloWorld", 8));
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void Run_and_bitmap_containers_and_several_buckets_are_read()
    {
        // Bucket 0: a run container [10..14] and a bitmap container (key 1) with 5000 values;
        // bucket 2: an array container [7].
        var data = new List<byte>();
        Add32(data, 1681511377);
        Add64(data, 2);
        Add32(data, 0);
        // 32-bit bitmap with runs: cookie 12347 | (containers-1) << 16, run flags, keys/cardinalities, (no offsets: < 4 containers)
        Add32(data, 12347 | (1 << 16));
        data.Add(0b01); // container 0 is a run
        Add16(data, 0); Add16(data, 4);        // key 0, cardinality 5
        Add16(data, 1); Add16(data, 4999);     // key 1, cardinality 5000
        Add16(data, 1); Add16(data, 10); Add16(data, 4); // one run: start 10, length-1 4
        var words = new ulong[1024];
        for (var v = 0; v < 5000; v++) words[v * 13 % 65536 / 64] |= 1UL << (v * 13 % 65536 % 64);
        foreach (var w in words) Add64(data, (long)w);
        Add32(data, 2);
        Add32(data, 12346); Add32(data, 1);    // no runs, one container
        Add16(data, 0); Add16(data, 0);        // key 0, cardinality 1
        Add32(data, 0);                        // offset
        Add16(data, 7);
        var rows = DeletionVectorReader.Deserialize(data.ToArray());
        var expected = new long[] { 10, 11, 12, 13, 14 }
            .Concat(Enumerable.Range(0, 5000).Select(v => 65536L + v * 13 % 65536).Order())
            .Append((2L << 32) + 7).ToArray();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void A_bad_magic_number_or_a_bad_checksum_is_an_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => DeletionVectorReader.Deserialize(new byte[16]));
        Assert.Contains("magic number", error.Message);

        using var temp = new TempTable();
        var bitmap = Z85.Decode("wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L", 40);
        var file = new List<byte> { 1 };
        var size = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(size, bitmap.Length);
        file.AddRange(size);
        file.AddRange(bitmap);
        file.AddRange(new byte[] { 0, 0, 0, 0 }); // wrong CRC
        File.WriteAllBytes(Path.Combine(temp.Path, "dv.bin"), file.ToArray());
        var dv = new DeletionVectorDescriptor("p", Path.Combine(temp.Path, "dv.bin"), 1, 40, 6);
        error = Assert.Throws<InvalidDataException>(() => DeletionVectorReader.Read(LocalLogStore.Instance, temp.Path, dv));
        Assert.Contains("CRC-32", error.Message);
    }

    [Fact]
    public void The_golden_deletion_vectors_decode_to_their_cardinality_inside_their_files()
    {
        var snapshot = DeltaTable.ForPath(Golden.Table("dv-partitioned-with-checkpoint")).LatestSnapshot();
        var withDv = snapshot.Files.Where(f => f.DeletionVector is not null).ToList();
        Assert.NotEmpty(withDv);
        foreach (var file in withDv)
        {
            Assert.True(File.Exists(DeletionVectorReader.FilePath(snapshot.TablePath, file.DeletionVector!)));
            var rows = snapshot.DeletedRows(file);
            Assert.Equal(file.DeletionVector!.Cardinality, rows.Length);
            Assert.Equal(rows.Order(), rows);
        }
        Assert.Equal(35, snapshot.Files.Sum(f => f.LogicalRecords));
    }

    private static void Add16(List<byte> data, int v) => data.AddRange(BitConverter.GetBytes((ushort)v));
    private static void Add32(List<byte> data, int v) => data.AddRange(BitConverter.GetBytes(v));
    private static void Add64(List<byte> data, long v) => data.AddRange(BitConverter.GetBytes(v));
}

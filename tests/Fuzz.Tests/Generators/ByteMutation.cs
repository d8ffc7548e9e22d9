using System.Buffers.Binary;

namespace EfficiencyMisnomer.Fuzz.Tests.Generators;

/// <summary>What one byte-level edit does to a valid seed file.</summary>
internal enum ByteEditKind
{
    FlipBit,
    Interesting,
    RandomByte,
    Insert,
    Delete,
    Duplicate,
    Truncate,
    Varint,
    Splice,
}

/// <summary>One byte-level edit: where (a fraction of the length, as a 32-bit number), how much, with which byte.</summary>
internal sealed record ByteEdit(ByteEditKind Kind, uint Position, uint Length, byte Value)
{
    public override string ToString() => $"new({Kind}, {Position}u, {Length}u, {Value})";
}

/// <summary>A seed file and the edits made to it: printed as data, replayed by <see cref="ByteMutation.Apply"/>.</summary>
internal sealed record Mutant(int Seed, ByteEdit[] Edits)
{
    public override string ToString() => $"seed {Seed}, edits: {string.Join(", ", Edits.Select(e => e.ToString()))}";
}

/// <summary>
/// Byte-level mutation of valid seed files, AFL's classic operators as data, so that CsCheck shrinks a failing input
/// to fewer and smaller edits: bit flips, interesting bytes (0, 0x7f, 0x80, 0xff), inserted, deleted and duplicated
/// runs, truncation, a protobuf varint overwritten with an extreme one, and a run spliced in from another seed.
/// </summary>
internal static class ByteMutation
{
    private static readonly byte[] InterestingBytes = { 0, 1, 0x7f, 0x80, 0xff, 0x0a, 0x22, 0x7b, 0x5b, 0x3a, 0x20 };

    public static Gen<ByteEdit> Edit { get; } = Gen.Select(
        Gen.OneOf(Enum.GetValues<ByteEditKind>()), Gen.UInt, Gen.UInt[1, 64], Gen.Byte,
        (kind, position, length, value) => new ByteEdit(kind, position, length, value));

    public static Gen<Mutant> Mutants(int seeds, int maxEdits) =>
        Gen.Select(Gen.Int[0, seeds - 1], Edit.Array[1, maxEdits], (seed, edits) => new Mutant(seed, edits));

    public static byte[] Apply(IReadOnlyList<byte[]> seeds, Mutant mutant)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(mutant);
        var bytes = new List<byte>(seeds[mutant.Seed]);
        foreach (var edit in mutant.Edits)
        {
            Apply(bytes, edit, seeds);
        }

        return bytes.ToArray();
    }

    private static void Apply(List<byte> bytes, ByteEdit edit, IReadOnlyList<byte[]> seeds)
    {
        var at = bytes.Count == 0 ? 0 : (int)((ulong)edit.Position * (ulong)bytes.Count >> 32);
        var length = (int)Math.Min(edit.Length, (uint)Math.Max(0, bytes.Count - at));
        switch (edit.Kind)
        {
            case ByteEditKind.FlipBit when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << (edit.Value & 7));
                break;
            case ByteEditKind.Interesting when bytes.Count > 0:
                bytes[at] = InterestingBytes[edit.Value % InterestingBytes.Length];
                break;
            case ByteEditKind.RandomByte when bytes.Count > 0:
                bytes[at] = edit.Value;
                break;
            case ByteEditKind.Insert:
                bytes.InsertRange(at, Enumerable.Repeat(edit.Value, (int)edit.Length));
                break;
            case ByteEditKind.Delete:
                bytes.RemoveRange(at, length);
                break;
            case ByteEditKind.Duplicate:
                bytes.InsertRange(at, bytes.GetRange(at, length));
                break;
            case ByteEditKind.Truncate:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case ByteEditKind.Varint when bytes.Count > 0:
                // An extreme varint where a length, a tag or a number was: ten bytes of continuation, or 2^63, or 2^31.
                var varint = (edit.Value % 3) switch
                {
                    0 => Enumerable.Repeat((byte)0xff, 10).ToArray(),
                    1 => new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 },
                    _ => new byte[] { 0x80, 0x80, 0x80, 0x80, 0x08 },
                };
                bytes.RemoveRange(at, Math.Min(varint.Length, bytes.Count - at));
                bytes.InsertRange(at, varint);
                break;
            case ByteEditKind.Splice:
                var other = seeds[edit.Value % seeds.Count];
                if (other.Length > 0)
                {
                    var from = (int)(BinaryPrimitives.ReverseEndianness(edit.Position) % (uint)other.Length);
                    bytes.InsertRange(at, other.Skip(from).Take((int)edit.Length));
                }

                break;
        }
    }
}

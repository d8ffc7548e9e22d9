using EfficiencyMisnomer.Fuzz.Tests.Generators;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Google.Protobuf;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Fuzz.Tests;

/// <summary>
/// The reader of the tensors a spec feeds to inputs (<see cref="InputData.Read"/>) on byte-level mutants of valid
/// <c>.npy</c> files and serialized TensorProtos: every file is read or refused with a code, never an exception or a hang.
/// </summary>
public sealed class InputDataFuzzTests
{
    /// <summary>Valid files of each form the reader takes: .npy scalars, vectors, matrices and booleans; raw and typed TensorProtos.</summary>
    internal static IReadOnlyList<byte[]> Seeds { get; } = new[]
    {
        NpyFiles.Int64(Array.Empty<long>(), 16000),
        NpyFiles.Float32(new long[] { 2, 3 }, 1, 2, 3, 4, 5, 6),
        NpyFiles.Write("|b1", new long[] { 3 }, new byte[] { 1, 0, 1 }),
        NpyFiles.Write(">i2", new long[] { 2 }, new byte[] { 0, 1, 0, 2 }),
        Builder.Tensor(ElementType.Float, new long[] { 2, 2 }, new[] { 1f, 2f, 3f, 4f }).ToByteArray(),
        Typed(),
    };

    private static Workspace workspace = null!;

    [OneTimeSetUp]
    public static void CreateWorkspace() => workspace = new Workspace("input-data");

    [OneTimeTearDown]
    public static void DeleteWorkspace() => workspace.Dispose();

    [Test]
    public void Mutated_data_files_read_or_are_refused_with_a_code()
    {
        FuzzRun.Check("input-data", ByteMutation.Mutants(Seeds.Count, maxEdits: 3), mutant => Read(workspace, ByteMutation.Apply(Seeds, mutant)),
            ciIterations: 2000, print: mutant => mutant.ToString());
    }

    internal static string Read(Workspace at, byte[] bytes) => Invariants.Coded(() =>
    {
        var path = at.File_("input.npy");
        File.WriteAllBytes(path, bytes);
        var value = InputData.Read(path, "x");
        if (value.Length != value.Dims.Aggregate(1L, (a, b) => a * b))
        {
            throw new InvariantBroken($"a tensor of shape [{string.Join(", ", value.Dims)}] was read with {value.Length} values");
        }
    });

    private static byte[] Typed()
    {
        var tensor = new Onnx.Wire.TensorProto { DataType = (int)ElementType.Int32 };
        tensor.Dims.Add(3);
        tensor.Int32Data.AddRange(new[] { 7, 8, 9 });
        return tensor.ToByteArray();
    }
}

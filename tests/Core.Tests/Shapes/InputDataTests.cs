using System.Text;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Google.Protobuf;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>Tensors read from the data files a spec feeds to inputs: .npy and ONNX TensorProto, and every malformed file a coded error.</summary>
public sealed class InputDataTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("misnomer-input-data").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Test]
    public void An_npy_array_keeps_its_shape_type_and_values()
    {
        var value = InputData.Read(Write("x.npy", NpyFiles.Float32(new long[] { 2, 3 }, 0.5f, -1, 2, 3, 4, 5)), "x");

        Assert.Multiple(() =>
        {
            Assert.That(value.ElementType, Is.EqualTo(ElementType.Float));
            Assert.That(value.Dims, Is.EqualTo(new long[] { 2, 3 }));
            Assert.That(value.ToReals(), Is.EqualTo(new double[] { 0.5, -1, 2, 3, 4, 5 }));
        });
    }

    [Test]
    public void An_npy_scalar_and_a_big_endian_array_are_read()
    {
        var scalar = InputData.Read(Write("sr.npy", NpyFiles.Int64(Array.Empty<long>(), 16000)), "sr");
        var bigEndian = InputData.Read(Write("b.npy", NpyFiles.Write(">i4", new long[] { 2 }, new byte[] { 0, 0, 1, 0, 0, 0, 0, 7 })), "b");

        Assert.Multiple(() =>
        {
            Assert.That(scalar.Dims, Is.Empty);
            Assert.That(scalar.Integers, Is.EqualTo(new long[] { 16000 }));
            Assert.That(bigEndian.Integers, Is.EqualTo(new long[] { 256, 7 }));
        });
    }

    [Test]
    public void A_tensor_proto_with_raw_or_typed_data_is_read()
    {
        var raw = Builder.Tensor(ElementType.Float, new long[] { 2 }, new[] { 1.5f, -2f }).ToByteArray();
        var typed = new TensorProto { DataType = (int)ElementType.Int64 };
        typed.Dims.Add(3);
        typed.Int64Data.AddRange(new long[] { 4, 5, 6 });

        var fromRaw = InputData.Read(Write("raw.pb", raw), "x");
        var fromTyped = InputData.Read(Write("typed.pb", typed.ToByteArray()), "ids");

        Assert.Multiple(() =>
        {
            Assert.That(fromRaw.ToReals(), Is.EqualTo(new double[] { 1.5, -2 }));
            Assert.That(fromTyped.Dims, Is.EqualTo(new long[] { 3 }));
            Assert.That(fromTyped.Integers, Is.EqualTo(new long[] { 4, 5, 6 }));
        });
    }

    [TestCase("garbage", "neither a .npy file nor")]
    [TestCase("short-npy", "cut short")]
    [TestCase("fortran", "Fortran order")]
    [TestCase("complex", "'<c8' is not")]
    [TestCase("too-little-data", "needs 24 bytes of data, and it holds 8")]
    [TestCase("bad-shape", "not a size")]
    [TestCase("typed-count", "declares 3 elements but stores 1")]
    [TestCase("string-tensor", "string cannot be fed")]
    public void A_malformed_data_file_is_a_coded_error_naming_the_input_and_the_file(string kind, string why)
    {
        var typed = new TensorProto { DataType = (int)ElementType.Int64 };
        typed.Dims.Add(3);
        typed.Int64Data.Add(1);
        var bytes = kind switch
        {
            "garbage" => Encoding.UTF8.GetBytes("this is not a tensor at all\n\xff"),
            "short-npy" => NpyFiles.Float32(new long[] { 1 }, 1).Take(8).ToArray(),
            "fortran" => NpyFiles.Write("<f4", new long[] { 2, 2 }, new byte[16], fortran: true),
            "complex" => NpyFiles.Write("<c8", new long[] { 1 }, new byte[8]),
            "too-little-data" => NpyFiles.Write("<f8", new long[] { 3 }, new byte[8]),
            "bad-shape" => NpyFiles.Write("<f4", new long[] { 1 }, new byte[4]).Select(b => b == (byte)'1' ? (byte)'x' : b).ToArray(),
            "typed-count" => typed.ToByteArray(),
            "string-tensor" => new TensorProto { DataType = (int)ElementType.String }.ToByteArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var path = Write($"{kind}.bin", bytes);

        var error = Assert.Throws<EfficiencyException>(() => InputData.Read(path, "frames"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InputValueInvalid));
            Assert.That(error.Message, Does.Contain("input 'frames'").And.Contain($"'{kind}.bin'").And.Contain(why));
            Assert.That(error.Location!.File, Is.EqualTo(path));
        });
    }

    [Test]
    public void A_missing_data_file_is_a_coded_error()
    {
        var error = Assert.Throws<EfficiencyException>(() => InputData.Read(Path.Combine(folder, "absent.npy"), "x"))!;

        Assert.That(error.Code, Is.EqualTo(ErrorCodes.InputValueInvalid));
    }
}

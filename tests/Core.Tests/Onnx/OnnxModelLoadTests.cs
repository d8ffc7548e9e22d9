using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Onnx;

public sealed class OnnxModelLoadTests
{
    [Test]
    public void Raw_payloads_are_located_and_small_ones_decoded()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, "batch", 8);
        var w = builder.Weight("w", 8, 4);
        var shape = builder.Int64s("shape", -1, 2, 2);
        var y = builder.Op("MatMul", new[] { x, w });
        var z = builder.Op("Reshape", new[] { y, shape });
        builder.Output(z);

        var model = builder.Load();

        var weight = model.Graph.Initializers["w"];
        Assert.Multiple(() =>
        {
            Assert.That(weight.Storage, Is.EqualTo(TensorStorage.Raw));
            Assert.That(weight.ElementCount, Is.EqualTo(32));
            Assert.That(weight.RawRange!.Value.Length, Is.EqualTo(128));
            Assert.That(model.Graph.Initializers["shape"].Value!.Integers, Is.EqualTo(new long[] { -1, 2, 2 }));
            Assert.That(model.Graph.Nodes.Select(n => n.OpType), Is.EqualTo(new[] { "MatMul", "Reshape" }));
            Assert.That(model.OpsetOf(""), Is.EqualTo(17));
        });
    }
}

public sealed class TensorStorageTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "misnomer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void External_data_is_referenced_and_counted_in_model_size_without_being_read()
    {
        var b = new Builder(storage: EfficiencyMisnomer.ModelBuilder.WeightStorage.External);
        var x = b.Input("x", ElementType.Float, 1, 1024);
        b.Output(b.Op("MatMul", new[] { x, b.Weight("w", 1024, 1024) }));
        var path = b.Save(Path.Combine(folder, "m.onnx"));

        var model = OnnxModel.Load(path);

        var w = model.Graph.Initializers["w"];
        Assert.Multiple(() =>
        {
            Assert.That(w.Storage, Is.EqualTo(TensorStorage.External));
            Assert.That(w.External!.Location, Is.EqualTo("weights.bin"));
            Assert.That(w.External.Length, Is.EqualTo(4L * 1024 * 1024));
            Assert.That(model.ModelSize, Is.EqualTo(new FileInfo(path).Length + (4L * 1024 * 1024)));
            Assert.That(model.Warnings, Is.Empty);
        });
    }

    [Test]
    public void A_missing_external_data_file_is_a_warning_not_an_error()
    {
        var b = new Builder(storage: EfficiencyMisnomer.ModelBuilder.WeightStorage.External);
        var x = b.Input("x", ElementType.Float, 1, 8);
        b.Output(b.Op("MatMul", new[] { x, b.Weight("w", 8, 8) }));
        var path = b.Save(Path.Combine(folder, "m.onnx"));
        File.Delete(Path.Combine(folder, "weights.bin"));

        var model = OnnxModel.Load(path);

        Assert.Multiple(() =>
        {
            Assert.That(model.Warnings.Select(w => w.Code), Is.EqualTo(new[] { "EM1011" }));
            Assert.That(model.ModelSize, Is.EqualTo(new FileInfo(path).Length));
        });
    }

    [Test]
    public void External_data_past_the_end_of_its_file_is_refused_with_the_tensor_name()
    {
        var b = new Builder(storage: EfficiencyMisnomer.ModelBuilder.WeightStorage.External);
        var x = b.Input("x", ElementType.Float, 1, 8);
        b.Output(b.Op("MatMul", new[] { x, b.Weight("w", 8, 8) }));
        var path = b.Save(Path.Combine(folder, "m.onnx"));
        using (var data = new FileStream(Path.Combine(folder, "weights.bin"), FileMode.Open))
        {
            data.SetLength(100);
        }

        var error = Assert.Throws<EfficiencyMisnomer.Diagnostics.EfficiencyException>(() => OnnxModel.Load(path))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("EM1012"));
            Assert.That(error.Message, Does.Contain("tensor 'w' reads bytes 0..256 of external data file 'weights.bin', which has only 100 bytes"));
        });
    }

    [Test]
    public void Payloads_inside_constant_nodes_and_subgraphs_are_located()
    {
        var body = new Builder("then");
        body.Int64s("inner_shape", 2, 2);
        body.Node("Reshape", new[] { "x", "inner_shape" }, new[] { "then_out" });
        body.Output("then_out");

        var b = new Builder();
        b.Input("x", ElementType.Float, 4);
        var condition = b.Input("cond", ElementType.Bool);
        b.Node("Constant", Array.Empty<string>(), new[] { "k" },
            ("value", Builder.Tensor(ElementType.Float, new long[] { 3 }, new float[] { 1.5f, -2f, 0.25f })));
        b.Node("If", new[] { condition }, new[] { "y" }, ("then_branch", body.Graph), ("else_branch", body.Graph.Clone()));
        b.Output("y");
        b.Output("k");

        var model = b.Load();

        var constant = model.Graph.Nodes.Single(n => n.OpType == "Constant").Attributes.GetTensor("value")!;
        var inner = model.Graph.Nodes.Single(n => n.OpType == "If").Subgraphs["then_branch"].Initializers["inner_shape"];
        Assert.Multiple(() =>
        {
            Assert.That(constant.Value!.Reals, Is.EqualTo(new[] { 1.5, -2.0, 0.25 }));
            Assert.That(inner.Value!.Integers, Is.EqualTo(new long[] { 2, 2 }));
        });
    }

    [Test]
    public void Typed_fields_and_half_precision_payloads_are_decoded()
    {
        var b = new Builder();
        b.Input("x", ElementType.Float, 2);
        var typed = new EfficiencyMisnomer.Onnx.Wire.TensorProto { Name = "typed", DataType = (int)ElementType.Int64 };
        typed.Dims.Add(3);
        typed.Int64Data.AddRange(new long[] { 7, -1, 3 });
        b.Graph.Initializer.Add(typed);
        var half = new EfficiencyMisnomer.Onnx.Wire.TensorProto { Name = "half", DataType = (int)ElementType.Float16 };
        half.Dims.Add(2);
        var bytes = new byte[4];
        BitConverter.TryWriteBytes(bytes.AsSpan(0), (Half)0.5f);
        BitConverter.TryWriteBytes(bytes.AsSpan(2), (Half)(-3f));
        b.Graph.Initializer.Add(Builder.WithRawData(half, bytes));
        b.Node("Add", new[] { "x", "half" }, new[] { "y" });
        b.Node("Cast", new[] { "typed" }, new[] { "z" }, ("to", 1L));
        b.Output("y");
        b.Output("z");

        var model = b.Load();

        Assert.Multiple(() =>
        {
            Assert.That(model.Graph.Initializers["typed"].Value!.Integers, Is.EqualTo(new long[] { 7, -1, 3 }));
            Assert.That(model.Graph.Initializers["typed"].Storage, Is.EqualTo(TensorStorage.Typed));
            Assert.That(model.Graph.Initializers["half"].Value!.Reals, Is.EqualTo(new[] { 0.5, -3.0 }));
        });
    }

    [Test]
    public void Raw_data_of_the_wrong_length_is_refused()
    {
        var b = new Builder();
        b.Input("x", ElementType.Float, 2);
        var bad = new EfficiencyMisnomer.Onnx.Wire.TensorProto { Name = "bad", DataType = (int)ElementType.Float };
        bad.Dims.Add(4);
        b.Graph.Initializer.Add(Builder.WithRawData(bad, new byte[12]));
        b.Node("Add", new[] { "x", "bad" }, new[] { "y" });
        b.Output("y");

        var error = Assert.Throws<EfficiencyMisnomer.Diagnostics.EfficiencyException>(() => b.Load())!;
        Assert.That(error.Message, Does.Contain("tensor 'bad' declares 4 float elements (16 bytes) but its raw_data holds 12 bytes"));
    }
}

using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel;

public sealed class WeightSparsityTests
{
    private static readonly Decoders.Size Small = new(Vocab: 96, Dim: 32, Layers: 2, Heads: 4, Hidden: 64);
    private static readonly AnalysisOptions WithSparsity = new() { Bindings = ShapeBindings.Parse(new[] { "batch=1", "seq=8" }), ComputeSparsity = true };
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
    public void Sparsity_is_absent_from_the_report_unless_asked_for()
    {
        var model = Decoders.Llama("small", Small, WeightStorage.Random).Load();

        var names = StaticAnalyzer.Analyze(model, WithSparsity with { ComputeSparsity = false }).Indicators.Select(i => i.Name).ToList();
        var asked = StaticAnalyzer.Analyze(model, WithSparsity).Indicators.Select(i => i.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Not.Contain("sparsity"));
            Assert.That(asked, Is.EqualTo(names.Take(5).Append("sparsity").Concat(names.Skip(5))));
        });
    }

    [Test]
    public void Zeroed_elements_of_a_random_decoder_give_the_exact_fraction(
        [Values(WeightStorage.Random, WeightStorage.ExternalRandom)] WeightStorage storage, [Values] bool fromFile)
    {
        var builder = Decoders.Llama("small", Small, storage);
        builder.ZeroFirst("model.embed_tokens.weight", 1000);
        builder.ZeroFirst("model.layers.0.self_attn.q_proj.weight", 100);
        builder.ZeroFirst("model.layers.1.mlp.down_proj.weight", Small.Hidden * Small.Dim);
        builder.ZeroFirst("model.norm.weight", 7);
        const double zeroed = 1000 + 100 + (64 * 32) + 7;
        var path = builder.Save(Path.Combine(folder, "small.onnx"));
        var model = fromFile || storage == WeightStorage.ExternalRandom ? OnnxModel.Load(path) : builder.Load(path);

        var report = StaticAnalyzer.Analyze(model, WithSparsity);
        var parameters = ParameterCounter.Count(model).ParameterTensors;

        Assert.Multiple(() =>
        {
            Assert.That(report["sparsity"].Value, Is.EqualTo(zeroed / Small.Params));
            Assert.That(report["sparsity"].Unit, Is.EqualTo("ratio"));

            // A buffer smaller than most tensors: chunk boundaries must not change the count.
            Assert.That(WeightSparsity.Measure(model, parameters, bufferBytes: 48), Is.EqualTo(zeroed / Small.Params));
        });
    }

    [Test]
    public void Half_bfloat16_double_typed_fields_and_constant_nodes_are_read([Values(16, 1 << 20)] int bufferBytes)
    {
        var b = new Builder();
        Raw(b, "half", ElementType.Float16, new ushort[] { 0x0000, 0x8000, 0x3C00, 0x0001 });          // 2 zeros of 4
        Raw(b, "brain", ElementType.BFloat16, new ushort[] { 0x3F80, 0x8000, 0x0000 });                // 2 of 3
        Raw(b, "wide", ElementType.Double, new[] { -0d, 1d, 2d, 3d, 0d });                              // 2 of 5
        var typed = new TensorProto { Name = "typed", DataType = (int)ElementType.Float, Dims = { 5000 } }; // over the decoding limit
        typed.FloatData.AddRange(Enumerable.Range(0, 5000).Select(i => i % 10 == 0 ? (i % 20 == 0 ? 0f : -0f) : i)); // 500 of 5000
        Read(b, typed);
        var typedHalf = new TensorProto { Name = "typed_half", DataType = (int)ElementType.Float16, Dims = { 3 } };
        typedHalf.Int32Data.AddRange(new[] { 0x8000, 0x3C00, 0 });                                          // 2 of 3
        Read(b, typedHalf);

        b.Node("Constant", Array.Empty<string>(), new[] { "constant" },
            ("value", Builder.Tensor(ElementType.Float, new long[] { 4 }, new[] { 0f, 1f, -0f, 2f })));      // 2 of 4
        b.Output(b.Op("Identity", new[] { "constant" }));

        var model = b.Load();
        var sparsity = WeightSparsity.Measure(model, ParameterCounter.Count(model).ParameterTensors, bufferBytes);

        Assert.That(sparsity, Is.EqualTo((2.0 + 2 + 2 + 500 + 2 + 2) / (4 + 3 + 5 + 5000 + 3 + 4)));
    }

    [Test]
    public void A_sparse_initializer_counts_its_unstored_elements_as_zeros()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 10);
        var values = new TensorProto { Name = "s", DataType = (int)ElementType.Float, Dims = { 3 }, FloatData = { 1f, 0f, 2f } };
        var indices = new TensorProto { DataType = (int)ElementType.Int64, Dims = { 3 }, Int64Data = { 1, 4, 9 } };
        b.Graph.SparseInitializer.Add(new SparseTensorProto { Values = values, Indices = indices, Dims = { 10 } });
        b.Output(b.Op("Add", new[] { x, "s" }));

        var report = StaticAnalyzer.Analyze(b.Load(), new AnalysisOptions { ComputeSparsity = true });

        Assert.That(report["sparsity"].Value, Is.EqualTo(0.8));
    }

    [Test]
    public void A_missing_data_file_is_an_error_for_sparsity_only_naming_the_tensor_and_its_reader()
    {
        var path = Decoders.Llama("small", Small, WeightStorage.External).Save(Path.Combine(folder, "small.onnx"));
        File.Delete(Path.Combine(folder, "weights.bin"));
        var model = OnnxModel.Load(path);

        var without = StaticAnalyzer.Analyze(model, WithSparsity with { ComputeSparsity = false });
        var error = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(model, WithSparsity))!;

        Assert.Multiple(() =>
        {
            Assert.That(without.Diagnostics.Select(d => (d.Code, d.Severity)), Is.EqualTo(new[] { ("EM1011", DiagnosticSeverity.Warning) }));
            Assert.That(error.Code, Is.EqualTo("EM1011"));
            Assert.That(error.Diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(error.Message, Does.StartWith("tensor 'lm_head.weight' (read by node 'MatMul_"));
            Assert.That(error.Message, Does.Contain("is stored in external data file 'weights.bin', which is missing"));
        });
    }

    [Test]
    public void Data_past_the_end_of_a_file_that_shrank_after_loading_is_refused_naming_the_tensor()
    {
        var path = Decoders.Llama("small", Small, WeightStorage.External).Save(Path.Combine(folder, "small.onnx"));
        var model = OnnxModel.Load(path);
        var lmHead = model.Graph.Initializers["lm_head.weight"].External!;
        using (var data = new FileStream(Path.Combine(folder, "weights.bin"), FileMode.Open))
        {
            data.SetLength(lmHead.Offset + 10);
        }

        var error = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(model, WithSparsity))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("EM1012"));
            Assert.That(error.Message, Does.Contain(
                $"tensor 'lm_head.weight' (read by node 'MatMul_{model.Graph.Nodes.Count - 1}') reads bytes {lmHead.Offset}..{lmHead.Offset + lmHead.Length} of external data file 'weights.bin', which has only {lmHead.Offset + 10} bytes"));
        });
    }

    private static void Raw<T>(Builder b, string name, ElementType type, T[] values)
        where T : unmanaged =>
        Read(b, Builder.WithRawData(new TensorProto { Name = name, DataType = (int)type, Dims = { values.Length } },
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray()));

    private static void Read(Builder b, TensorProto tensor)
    {
        b.Graph.Initializer.Add(tensor);
        b.Output(b.Op("Identity", new[] { tensor.Name }));
    }
}

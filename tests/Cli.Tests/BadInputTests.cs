using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;
using Google.Protobuf;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>
/// Every kind of broken model gives its own stable code, a plain message, a non-zero exit code and
/// no stack trace.
/// </summary>
public sealed class BadInputTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = CliRunner.TempFolder();

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Missing_file() =>
        AssertRejected(Path.Combine(folder, "absent.onnx"), "EM1001", "does not exist");

    [Test]
    public void Empty_file() =>
        AssertRejected(Write("empty.onnx", Array.Empty<byte>()), "EM1002", "is empty");

    [Test]
    public void Truncated_protobuf()
    {
        var bytes = SmallModel().ToBytes();
        AssertRejected(Write("truncated.onnx", bytes[..(bytes.Length * 3 / 5)]), "EM1003", "truncated or corrupt");
    }

    [Test]
    public void Random_bytes()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var result = Analyze(Write("random.onnx", bytes));
        Assert.That(result.Stderr, Does.Match("error EM100[34]: .*is not (a valid ONNX protobuf file|an ONNX model)"));
        AssertCleanFailure(result);
    }

    [Test]
    public void Cycle()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 4);
        builder.Node("Add", new[] { x, "b" }, new[] { "a" });
        builder.Node("Relu", new[] { "a" }, new[] { "b" });
        builder.Output("a");
        AssertRejected(builder.Save(Path.Combine(folder, "cycle.onnx")), "EM1101", "has a cycle: nodes 'Add_0', 'Relu_1'");
    }

    [Test]
    public void Input_that_nothing_produces()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 4);
        builder.Node("Add", new[] { x, "ghost" }, new[] { "y" });
        builder.Output("y");
        AssertRejected(builder.Save(Path.Combine(folder, "dangling.onnx")), "EM1102", "node 'Add_0' (Add) in model reads 'ghost', which no node, graph input or initializer produces");
    }

    [Test]
    public void Dimension_of_two_to_the_62_overflows()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1L << 62, 4);
        builder.Output(builder.Op("Relu", new[] { x }));
        AssertRejected(builder.Save(Path.Combine(folder, "huge.onnx")), "EM1203", "overflow");
    }

    [Test]
    public void Initializer_of_two_to_the_62_elements_squared_overflows()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 4);
        var tensor = new TensorProto { Name = "w", DataType = (int)ElementType.Float };
        tensor.Dims.AddRange(new[] { 1L << 62, 1L << 62 });
        builder.Graph.Initializer.Add(tensor);
        builder.Output(builder.Op("Add", new[] { x, "w" }));
        AssertRejected(builder.Save(Path.Combine(folder, "huge-weight.onnx")), "EM1203", "tensor 'w'");
    }

    [Test]
    public void External_data_outside_the_model_folder_is_refused()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 4);
        var tensor = new TensorProto { Name = "w", DataType = (int)ElementType.Float, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.Dims.Add(4);
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "../../etc/passwd" });
        builder.Graph.Initializer.Add(tensor);
        builder.Output(builder.Op("Add", new[] { x, "w" }));
        AssertRejected(builder.Save(Path.Combine(folder, "escape.onnx")), "EM1010", "'../../etc/passwd', which is outside the model's folder");
    }

    [Test]
    public void Absolute_external_data_location_is_refused()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 4);
        var tensor = new TensorProto { Name = "w", DataType = (int)ElementType.Float, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.Dims.Add(4);
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "/etc/passwd" });
        builder.Graph.Initializer.Add(tensor);
        builder.Output(builder.Op("Add", new[] { x, "w" }));
        AssertRejected(builder.Save(Path.Combine(folder, "absolute.onnx")), "EM1010", "outside the model's folder");
    }

    [Test]
    public void Folder_instead_of_a_file() =>
        AssertRejected(folder, "EM5001", "is a folder, not a regular file");

    [Test]
    public void Bad_binding_is_a_coded_error()
    {
        var path = SmallModel().Save(Path.Combine(folder, "small.onnx"));
        var result = Analyze(path, "--bind", "batch=two");
        Assert.That(result.Stderr, Does.Contain("error EM1201: binding 'batch=two' is invalid"));
        AssertCleanFailure(result);
    }

    [Test]
    public void Binding_that_names_nothing_lists_what_exists()
    {
        var path = SmallModel().Save(Path.Combine(folder, "small.onnx"));
        var result = Analyze(path, "--bind", "batsh=2");
        Assert.That(result.Stderr, Does.Contain("error EM1205: binding 'batsh' names neither a symbolic dimension nor an input of the model; known: batch, x."));
        AssertCleanFailure(result);
    }

    [Test]
    public void Unknown_format_is_a_usage_error()
    {
        var path = SmallModel().Save(Path.Combine(folder, "small.onnx"));
        var result = Analyze(path, "--format", "yaml");
        Assert.That(result.ExitCode, Is.EqualTo(MisnomerCli.Usage));
        Assert.That(result.Stderr, Does.Contain("yaml"));
    }

    [Test]
    public void Attribute_of_the_wrong_type()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 3, 8, 8);
        builder.Node("Conv", new[] { x, builder.Weight("w", 4, 3, 3, 3) }, new[] { "y" }, ("kernel_shape", "3,3"));
        builder.Output("y");
        AssertRejected(builder.Save(Path.Combine(folder, "attr.onnx")), "EM1106",
            "node 'Conv_0' (Conv) has attribute 'kernel_shape' of type STRING, but the operator reads it as INTS");
    }

    [Test]
    public void Negative_dimension_in_a_declared_shape()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, -3L);
        builder.Output(builder.Op("Relu", new[] { x }));
        AssertRejected(builder.Save(Path.Combine(folder, "negative.onnx")), "EM1104", "input 'x' of graph 'model' declares dim 1 as -3");
    }

    [Test]
    public void Model_without_an_opset_import() =>
        AssertRejected(Write("no-opset.onnx", WithModel(SmallModel(), m => m.OpsetImport.Clear())), "EM1107", "imports no opset");

    [Test]
    public void Opset_newer_than_the_engine_knows() =>
        AssertRejected(Write("opset.onnx", WithModel(SmallModel(), m => m.OpsetImport[0].Version = 9999)), "EM1105", "imports ONNX opset 9999, newer than opset 26");

    [Test]
    public void Op_type_that_is_not_utf8()
    {
        var bytes = WithModel(SmallModel(), m => m.Graph.Node[0].OpType = "MatMulXX");
        bytes[bytes.AsSpan().IndexOf("MatMulXX"u8) + 6] = 0xFF;
        AssertRejected(Write("utf8.onnx", bytes), "EM1108", "the op_type of main graph > node #0 is not valid UTF-8 text");
    }

    [Test]
    public void Ifs_nested_as_deep_as_onnx_runtime_loads_are_analysed()
    {
        var result = Analyze(Write("deep.onnx", NestedIfs(31)));
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(MisnomerCli.Success), result.Stderr);
            Assert.That(result.Stdout, Does.Contain("flops"));
        });
    }

    [Test]
    public void Ifs_nested_150_deep_are_refused_not_a_stack_overflow() =>
        AssertRejected(Write("deeper.onnx", NestedIfs(150)), "EM1109", "nests its messages more than 100 deep");

    [Test]
    public void Loop_without_a_limit_warns_naming_the_node_and_the_bound_used()
    {
        var builder = new Builder();
        var body = new Builder("body");
        body.Input("i", ElementType.Int64);
        body.Node("Identity", new[] { body.Input("c", ElementType.Bool) }, new[] { "c_out" });
        body.Node("MatMul", new[] { body.Input("h", ElementType.Float, 1, 4), "w" }, new[] { "h_out" });
        body.Output("c_out", ElementType.Bool);
        body.Output("h_out");
        builder.Weight("w", 4, 4);
        builder.Int64s("m", Array.Empty<long>(), new[] { long.MaxValue });
        builder.Node("Loop", new[] { "m", "", builder.Input("h0", ElementType.Float, 1, 4) }, new[] { "h" }, ("body", body.Graph));
        builder.Output("h");

        var result = Analyze(builder.Save(Path.Combine(folder, "loop.onnx")));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(MisnomerCli.Success), result.Stderr);
            Assert.That(result.Stderr, Does.Contain("warning EM1207: Loop node 'Loop_0': its maximum trip count M is 9223372036854775807"));
            Assert.That(result.Stderr, Does.Contain("costed for 1 iteration, the bound used"));
        });
    }

    [Test]
    public void Ten_megabyte_op_type_is_not_printed_whole()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 1, 4);
        builder.Node("Op" + new string('z', 10 * 1024 * 1024) + "\n::error::forged", new[] { x }, new[] { "y" });
        builder.Output("y");

        var result = Analyze(builder.Save(Path.Combine(folder, "huge-op.onnx")));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(MisnomerCli.Success), result.Stderr);
            Assert.That(result.Stderr, Does.Contain("warning EM1301"));
            Assert.That(result.Stderr, Has.Length.LessThan(2000));
        });
    }

    /// <summary><paramref name="depth"/> If nodes, each the then_branch of the one before, with Relu leaves and typed outputs.</summary>
    private static byte[] NestedIfs(int depth)
    {
        var main = new Builder();
        main.Input("x", ElementType.Float, 1, 4);
        main.Input("c", ElementType.Bool);
        AddIf(main, 0);
        main.Output("y0", ElementType.Float, 1, 4);
        return main.ToBytes();

        void AddIf(Builder graph, int level)
        {
            GraphProto then = Leaf($"t{level}");
            if (level + 1 < depth)
            {
                var inner = new Builder($"g{level + 1}");
                AddIf(inner, level + 1);
                inner.Output($"y{level + 1}", ElementType.Float, 1, 4);
                then = inner.Graph;
            }

            graph.Node("If", new[] { "c" }, new[] { $"y{level}" }, ("then_branch", then), ("else_branch", Leaf($"e{level}")));
        }

        static GraphProto Leaf(string output)
        {
            var leaf = new Builder(output);
            leaf.Node("Relu", new[] { "x" }, new[] { output });
            leaf.Output(output, ElementType.Float, 1, 4);
            return leaf.Graph;
        }
    }

    private static byte[] WithModel(Builder builder, Action<ModelProto> change)
    {
        var model = ModelProto.Parser.ParseFrom(builder.ToBytes());
        change(model);
        return model.ToByteArray();
    }

    private static Builder SmallModel()
    {
        var builder = new Builder(storage: ModelBuilder.WeightStorage.Random);
        var x = builder.Input("x", ElementType.Float, "batch", 64);
        var w = builder.Weight("w", 64, 64);
        builder.Output(builder.Op("MatMul", new[] { x, w }));
        return builder;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static (int ExitCode, string Stdout, string Stderr) Analyze(string path, params string[] extra) =>
        CliRunner.Run(new[] { "analyze", path }.Concat(extra).ToArray());

    private static void AssertRejected(string path, string code, string message)
    {
        var result = Analyze(path);
        Assert.That(result.Stderr, Does.Contain($"error {code}: ").And.Contain(message));
        AssertCleanFailure(result);
    }

    private static void AssertCleanFailure((int ExitCode, string Stdout, string Stderr) result)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(MisnomerCli.Failure), result.Stderr);
            Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(result.Stderr, Does.Not.Contain("Exception"), "no exception type names");
            Assert.That(result.Stdout, Is.Empty);
        });
    }
}

using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Onnx.Wire;
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

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EfficiencyMisnomer.ModelBuilder;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>
/// `misnomer analyze` on a LLaMA-7B-sized decoder whose 27 GB of weights live in one sparse external
/// data file (no disk used): static indicators must come from the graph alone, never from the data.
/// </summary>
public sealed class Llama7BTests
{
    private const long Params7B = 6_738_415_616;
    private string folder = "";
    private string model = "";
    private string data = "";

    [SetUp]
    public void SaveModel()
    {
        folder = CliRunner.TempFolder();
        model = Decoders.Llama("llama-7b", Decoders.Llama7B).Save(Path.Combine(folder, "llama-7b.onnx"));
        data = Path.Combine(folder, "weights.bin");
    }

    [TearDown]
    public void DeleteModel() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Params_are_exact_and_model_size_counts_the_data_file_without_reading_it()
    {
        var readBefore = BytesReadByThisProcess();
        var clock = Stopwatch.StartNew();
        var (code, stdout, stderr) = CliRunner.Run("analyze", model, "--bind", "batch=1", "--bind", "seq=2048", "--format", "json");
        clock.Stop();
        var read = BytesReadByThisProcess() - readBefore;

        using var json = JsonDocument.Parse(stdout);
        var indicators = json.RootElement.GetProperty("indicators");
        Assert.Multiple(() =>
        {
            Assert.That((code, stderr), Is.EqualTo((0, "")));
            Assert.That(indicators.GetProperty("params").GetInt64(), Is.EqualTo(Params7B));
            Assert.That(indicators.GetProperty("embedding_params").GetInt64(), Is.EqualTo(131_072_000));
            Assert.That(indicators.GetProperty("model_size").GetInt64(), Is.EqualTo(new FileInfo(model).Length + new FileInfo(data).Length));
            Assert.That(new FileInfo(data).Length, Is.GreaterThanOrEqualTo(4 * Params7B));
            Assert.That(indicators.TryGetProperty("sparsity", out _), Is.False, "sparsity is only computed when asked for");

            // Reading 27 GB, even of holes, takes far longer than this and shows in the process's read bytes.
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
            Assert.That(read, Is.LessThan(256L << 20), "bytes read by the process during the analysis");
        });
    }

    [Test]
    public void Deleting_the_data_file_only_adds_the_missing_data_warning()
    {
        var args = new[] { "analyze", model, "--bind", "batch=1", "--bind", "seq=512", "--format", "json" };
        var (_, withData, _) = CliRunner.Run(args);
        File.Delete(data);

        var (code, withoutData, stderr) = CliRunner.Run(args);

        var before = Indicators(withData);
        var after = Indicators(withoutData);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(stderr, Does.Contain("warning EM1011: external data file 'weights.bin' is missing"));
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(after["model_size"], Is.EqualTo(new FileInfo(model).Length.ToString(CultureInfo.InvariantCulture)));
            Assert.That(after.Where(p => p.Key != "model_size"), Is.EqualTo(before.Where(p => p.Key != "model_size")));
        });
    }

    [Test]
    public void Sparsity_without_the_data_file_is_an_error_naming_the_tensor()
    {
        File.Delete(data);

        var (code, _, stderr) = CliRunner.Run("analyze", model, "--bind", "batch=1", "--bind", "seq=1", "--sparsity");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(stderr, Does.Contain("error EM1011: tensor 'lm_head.weight' (read by node 'MatMul_"));
        });
    }

    private static Dictionary<string, string> Indicators(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("indicators").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
    }

    /// <summary>Bytes this process passed through read calls (Linux <c>rchar</c>); 0 where unavailable.</summary>
    private static long BytesReadByThisProcess()
    {
        const string io = "/proc/self/io";
        if (!File.Exists(io))
        {
            return 0;
        }

        var line = File.ReadLines(io).FirstOrDefault(l => l.StartsWith("rchar:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["rchar:".Length..].Trim(), CultureInfo.InvariantCulture);
    }
}

using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Fuzz.Tests.Generators;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Fuzz.Tests;

/// <summary>
/// The ONNX loader and the static analyzer (<see cref="OnnxModel.Load(byte[], string)"/>, <see cref="StaticAnalyzer"/>)
/// and the static report's printers, on generated graphs and on byte-level mutants of valid models.
/// </summary>
public sealed class OnnxLoaderFuzzTests
{
    /// <summary>The valid models mutated: small enough that most bytes are structure, not weights.</summary>
    internal static IReadOnlyList<byte[]> Seeds { get; } = new Func<ModelBuilder.ModelBuilder>[]
    {
        () => new ModelBuilder.ModelBuilder("single").Apply(b => b.Output(b.Node("Relu", new[] { b.Input("x", Tensors.ElementType.Float, "batch", 4) }, new[] { "y" }), Tensors.ElementType.Float, "batch", 4)),
        SampleModels.TinyCnn,
        () => Transformers.Encoder(depth: 1, dim: 8, heads: 2, mlpDim: 16, tokens: 4, shareWeights: true),
        () => RecurrentNetworks.Stack("LSTM", layers: 1, inputSize: 4, hidden: 4, bidirectional: true, steps: 3),
        () => QuantizedModels.ConvLinear(quantized: true),
        () => BertLayers.Encoder(depth: 1, dim: 8, heads: 2, mlpDim: 16, tokens: 4, EncoderFusion.Attention),
    }.Select(build => build().ToBytes()).ToList();

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "misnomer-fuzz-onnx");

    [Test]
    public void Generated_models_load_or_are_refused_with_a_code()
    {
        FuzzRun.Check("onnx-generated", OnnxGen.Model, recipe => Analyze(OnnxGen.Render(recipe), recipe.Symbols, recipe.Sparsity),
            ciIterations: 3000, print: recipe => Print(OnnxGen.Render(recipe), recipe.ToString()));
    }

    [Test]
    public void Mutated_models_load_or_are_refused_with_a_code()
    {
        FuzzRun.Check("onnx-mutated", ByteMutation.Mutants(Seeds.Count, maxEdits: 3),
            mutant => Analyze(ByteMutation.Apply(Seeds, mutant), Array.Empty<(string, long)>(), sparsity: mutant.Edits.Length % 2 == 0),
            ciIterations: 3000, print: mutant => Print(ByteMutation.Apply(Seeds, mutant), mutant.ToString()));
    }

    /// <summary>Loads, analyses and prints one model; the outcome is "ok" or the code it was refused with.</summary>
    internal static string Analyze(byte[] bytes, (string Name, long Value)[] symbols, bool sparsity)
    {
        Directory.CreateDirectory(Folder);
        return Invariants.Coded(() =>
        {
            var model = OnnxModel.Load(bytes, Path.Combine(Folder, "fuzz.onnx"));
            Invariants.Diagnostics(model.Warnings);
            var bindings = new ShapeBindings(
                symbols.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Last().Value),
                new Dictionary<string, long[]>());
            var report = StaticAnalyzer.Analyze(model, new AnalysisOptions { Bindings = bindings, ComputeSparsity = sparsity });
            Invariants.Diagnostics(report.Diagnostics);
            Invariants.PrintedText(StaticReportText.Table(report, perNode: true), "the static report's table");
            Invariants.PrintedText(StaticReportText.Markdown(report, perNode: true), "the static report's Markdown");
            Invariants.PrintedText(StaticReportJson.Write(report, perNode: true), "the static report's JSON");
        });
    }

    private static string Print(byte[] bytes, string recipe) =>
        $"{recipe}\nbytes ({bytes.Length}): {(bytes.Length <= 4096 ? Convert.ToBase64String(bytes) : "(too long to print; replay the recipe)")}";
}

internal static class BuilderExtensions
{
    public static ModelBuilder.ModelBuilder Apply(this ModelBuilder.ModelBuilder builder, Action<ModelBuilder.ModelBuilder> build)
    {
        build(builder);
        return builder;
    }
}

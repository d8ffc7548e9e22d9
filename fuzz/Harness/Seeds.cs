using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Fuzz.Harness;

/// <summary>The valid inputs AFL++ starts from, one folder per target: small models, the repository's specs, a results document and a baseline.</summary>
internal static class Seeds
{
    public static void Write(string folder, string repository)
    {
        var onnx = Directory.CreateDirectory(Path.Combine(folder, "onnx")).FullName;
        var models = new Dictionary<string, Func<ModelBuilder.ModelBuilder>>
        {
            ["relu"] = () =>
            {
                var b = new ModelBuilder.ModelBuilder("relu");
                b.Output(b.Node("Relu", new[] { b.Input("x", Tensors.ElementType.Float, "batch", 4) }, new[] { "y" }), Tensors.ElementType.Float, "batch", 4);
                return b;
            },
            ["encoder"] = () => Transformers.Encoder(depth: 1, dim: 8, heads: 2, mlpDim: 16, tokens: 4, shareWeights: true),
            ["lstm"] = () => RecurrentNetworks.Stack("LSTM", layers: 1, inputSize: 4, hidden: 4, bidirectional: true, steps: 3),
            ["quantized"] = () => QuantizedModels.ConvLinear(quantized: true),
            ["attention"] = () => BertLayers.Encoder(depth: 1, dim: 8, heads: 2, mlpDim: 16, tokens: 4, EncoderFusion.Attention),
        };
        foreach (var (name, build) in models)
        {
            File.WriteAllBytes(Path.Combine(onnx, name + ".onnx"), build().ToBytes());
        }

        var specs = Directory.CreateDirectory(Path.Combine(folder, "spec")).FullName;
        foreach (var spec in Directory.EnumerateFiles(Path.Combine(repository, "specs"), "*.yaml", SearchOption.AllDirectories))
        {
            File.Copy(spec, Path.Combine(specs, Path.GetFileName(spec)), overwrite: true);
        }

        var gate = StaticGate.Check(new[] { Path.Combine(repository, "specs", "tiny-cnn.yaml") });
        var results = ResultsBuilder.FromStatic(gate, DateTimeOffset.UnixEpoch);
        Directory.CreateDirectory(Path.Combine(folder, "results"));
        File.WriteAllText(Path.Combine(folder, "results", "tiny-cnn.json"), ResultsJson.Write(results));

        var model = results.Specs[0].Models[0];
        var baseline = new Baseline("tiny-cnn",
            new[] { new BaselineModel(model.Name, model.Static.Select(i => new BaselineIndicator(i.Name, i.Unit, i.Value)).ToList()) },
            new[]
            {
                new BaselineProfile("ci-cpu", "6bc7f3424796", "AMD EPYC 7763, 2 cores", DateTimeOffset.UnixEpoch, new[]
                {
                    new BaselineMeasurement(model.Name, 1, new[] { new BaselineIndicator("latency.p50", "ms", 0.31, 0.3, 0.32, 200) }, new[] { 0.31, 0.3, 0.33 }),
                }),
            });
        Directory.CreateDirectory(Path.Combine(folder, "baseline"));
        File.WriteAllText(Path.Combine(folder, "baseline", "tiny-cnn.json"), BaselineJson.Write(baseline));
    }
}

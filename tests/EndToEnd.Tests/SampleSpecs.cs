namespace EfficiencyMisnomer.EndToEnd.Tests;

/// <summary>Two specs on the bundled tiny CNN: one within every budget, one over its MAC budget.</summary>
internal static class SampleSpecs
{
    /// <summary>Static budgets and a CPU profile, all generous.</summary>
    public const string Within = """
        name: within
        models:
          tiny: { path: models/tiny-cnn.onnx }
        bind: { batch: 1 }
        budgets:
          macs: { max: 10M }
        hardware:
          cpu:
            match: { provider: cpu }
            threads: 1
            budgets:
              latency.p50: { max: 1 s, batch: 1 }

        """;

    /// <summary>The tiny CNN has about 2M MACs; line 6 holds the breached budget.</summary>
    public const string Over = """
        name: over
        models:
          tiny: { path: models/tiny-cnn.onnx }
        bind: { batch: 1 }
        budgets:
          macs: { max: 1M }

        """;

    /// <summary>Writes specs/within.yaml, specs/over.yaml and specs/models/tiny-cnn.onnx under <paramref name="folder"/>.</summary>
    public static void WriteTo(string folder)
    {
        var specs = Path.Combine(folder, "specs");
        Directory.CreateDirectory(Path.Combine(specs, "models"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(specs, "models", "tiny-cnn.onnx"));
        File.WriteAllText(Path.Combine(specs, "within.yaml"), Within);
        File.WriteAllText(Path.Combine(specs, "over.yaml"), Over);
    }
}

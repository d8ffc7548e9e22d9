using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Architectures;

/// <summary>Analyses built models at batch 1: in memory, or saved to a throw-away folder when weights are external.</summary>
internal static class ArchitectureAnalysis
{
    public static ShapeBindings BatchOne { get; } =
        new(new Dictionary<string, long> { ["batch"] = 1 }, new Dictionary<string, long[]>());

    public static StaticReport Analyze(Builder builder, Optimizer optimizer = Optimizer.Adam)
    {
        var options = new AnalysisOptions { Bindings = BatchOne, Optimizer = optimizer };
        if (builder.Storage != WeightStorage.External)
        {
            return StaticAnalyzer.Analyze(builder.Load(), options);
        }

        // External weights exist only once saved; the data file is sparse, so this costs no disk.
        var folder = Path.Combine(Path.GetTempPath(), "em-arch-" + Guid.NewGuid().ToString("N"));
        try
        {
            return StaticAnalyzer.Analyze(builder.Save(Path.Combine(folder, "model.onnx")), options);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static int CountNodes(Builder builder, string opType) => builder.Graph.Node.Count(n => n.OpType == opType);
}

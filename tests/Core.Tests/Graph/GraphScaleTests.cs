using System.Diagnostics;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Graph;

/// <summary>
/// Loading and analysis grow linearly with the graph: a small hostile file must not take minutes. Both shapes below
/// were quadratic (100,000 graph inputs: about two minutes; 40,000 If nodes: about 80 s) and now take seconds.
/// </summary>
public sealed class GraphScaleTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    [Test]
    public void A_hundred_thousand_graph_inputs_load_in_seconds()
    {
        var b = new Builder();
        var current = b.Input("x", ElementType.Float, 1, 4);
        for (int i = 0; i < 100_000; i++)
        {
            current = b.Op("Add", new[] { current, b.Input($"in{i}", ElementType.Float, 1, 4) });
        }

        b.Output(current);

        AssertAnalysedWithin(b.ToBytes(), 100_000 * 4);
    }

    [Test]
    public void Forty_thousand_if_nodes_load_in_seconds()
    {
        var b = new Builder();
        var condition = b.Input("c", ElementType.Bool);
        var current = b.Input("x", ElementType.Float, 1, 4);
        for (int i = 0; i < 40_000; i++)
        {
            var then = new Builder($"t{i}");
            then.Node("Relu", new[] { current }, new[] { $"t{i}_out" });
            then.Output($"t{i}_out", ElementType.Float, 1, 4);
            var otherwise = new Builder($"e{i}");
            otherwise.Node("Neg", new[] { current }, new[] { $"e{i}_out" });
            otherwise.Output($"e{i}_out", ElementType.Float, 1, 4);
            current = b.Node("If", new[] { condition }, new[] { $"if{i}" }, ("then_branch", then.Graph), ("else_branch", otherwise.Graph));
        }

        b.Output(current);

        AssertAnalysedWithin(b.ToBytes(), 40_000 * 4);
    }

    private static void AssertAnalysedWithin(byte[] bytes, long flops)
    {
        var clock = Stopwatch.StartNew();
        var report = StaticAnalyzer.Analyze(OnnxModel.Load(bytes, "wide.onnx"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.EqualTo(flops));
            Assert.That(clock.Elapsed, Is.LessThan(Limit));
        });
    }
}

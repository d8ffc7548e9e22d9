using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>GroupNorm and SkipGroupNorm against ONNX Runtime's contrib operator documentation: X (N, H, W, C), gamma and beta (C).</summary>
public sealed class ContribGroupNormCostTests
{
    private const string Contrib = "com.microsoft";

    [TestCase("GroupNorm", 0L, 7L)]
    [TestCase("GroupNorm", 1L, 12L)]
    [TestCase("SkipGroupNorm", 1L, 14L)]
    public void Group_norm_normalizes_scales_and_shifts_then_applies_silu(string op, long activation, long perElement)
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, 2, 4, 4, 32);
        var inputs = new List<string> { x, builder.Weight("gamma", 32), builder.Weight("beta", 32) };
        if (op == "SkipGroupNorm")
        {
            inputs.Add(builder.Input("skip", ElementType.Float, 2, 4, 4, 32));
            inputs.Add(builder.Weight("bias", 32));
        }

        var y = builder.NodeIn(Contrib, op, inputs.ToArray(), new[] { "y", op == "SkipGroupNorm" ? "sum" : "" },
            ("groups", 8L), ("activation", activation), ("channels_last", 1L), ("epsilon", 1e-5f));

        var types = builder.Infer();
        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("[2x4x4x32]"));
            Assert.That(report.Count("flops"), Is.EqualTo(perElement * 2 * 4 * 4 * 32));
        });
    }
}

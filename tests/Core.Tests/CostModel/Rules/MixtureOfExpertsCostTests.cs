using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>
/// MoE and QMoE against ONNX Runtime's contrib operator documentation: input (rows, hidden), router_probs
/// (rows, E), fc1 (E, hidden, inter), fc2 (E, inter, hidden), optional fc3; QMoE stores them packed in uint8.
/// </summary>
public sealed class MixtureOfExpertsCostTests
{
    private const string Contrib = "com.microsoft";
    private const long Rows = 6, Hidden = 16, Inter = 32, Experts = 8, TopK = 2;

    [Test]
    public void Only_the_top_k_experts_of_each_row_are_counted()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var fc1 = builder.Weight("fc1", Experts, Hidden, Inter);
        var fc2 = builder.Weight("fc2", Experts, Inter, Hidden);
        var fc3 = builder.Weight("fc3", Experts, Hidden, Inter);
        var y = builder.Declare(builder.NodeIn(Contrib, "MoE", new[] { Input(builder), Router(builder), fc1, "", fc2, "", fc3 }, new[] { "y" },
            ("k", TopK), ("activation_type", "silu")), ElementType.Float, Rows, Hidden);

        var report = builder.Analyze(y);

        // Each row: 2 experts of 3·hidden·inter MACs; softmax over 8 experts, 2 outputs combined per hidden element.
        const long macs = Rows * TopK * 3 * Hidden * Inter;
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(macs));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * macs) + (Rows * ((5 * Experts) + (2 * TopK * Hidden)))));
            Assert.That(report.Count("params"), Is.EqualTo(3 * Experts * Hidden * Inter), "every expert is stored");
        });
    }

    [Test]
    public void Qmoe_counts_its_packed_int4_experts_at_their_logical_size()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var fc1 = builder.Initializer("fc1", ElementType.UInt8, new[] { Experts, Inter, Hidden / 2 });
        var fc2 = builder.Initializer("fc2", ElementType.UInt8, new[] { Experts, Hidden, Inter / 2 });
        var inputs = new[] { Input(builder), Router(builder), fc1, builder.Weight("fc1_scales", Experts, Inter), "", fc2, builder.Weight("fc2_scales", Experts, Hidden) };
        var y = builder.Declare(builder.NodeIn(Contrib, "QMoE", inputs, new[] { "y" }, ("k", TopK), ("expert_weight_bits", 4L)), ElementType.Float, Rows, Hidden);

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(Rows * TopK * 2 * Hidden * Inter));
            Assert.That(report.Count("params"), Is.EqualTo(2 * Experts * Hidden * Inter), "scales are not parameters");
        });
    }

    private static string Input(Builder builder) => builder.Input("x", ElementType.Float, Rows, Hidden);

    private static string Router(Builder builder) => builder.Input("router_probs", ElementType.Float, Rows, Experts);
}

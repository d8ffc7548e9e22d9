using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>MatMulNBitsMlp and MatMulNBitsQkv shapes, as ONNX Runtime's contrib operator documentation gives them.</summary>
public sealed class FusedMatMulNBitsShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Mlp_replaces_k_by_n_and_keeps_the_residual_sum_of_a()
    {
        var b = new Builder().Opset(Contrib, 1);
        Mlp(b, b.Input("a", ElementType.Float16, "batch", "seq", 64), ("K", 64L), ("N", 24L), ("activation", "silu"));

        var types = b.Infer("batch=2", "seq=7");

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x7x24]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float16));
            Assert.That(types.Shape("sum"), Is.EqualTo("[2x7x64]"));
        });
    }

    [Test]
    public void Qkv_projects_to_nq_and_twice_nkv()
    {
        var b = new Builder().Opset(Contrib, 1);
        Qkv(b, b.Input("a", ElementType.Float, "batch", 1, 64), b.Weight("norm_scale", 64), ("K", 64L), ("Nq", 32L), ("Nkv", 8L));

        var types = b.Infer("batch=3");

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("q"), Is.EqualTo("[3x1x32]"));
            Assert.That(types.Shape("k"), Is.EqualTo("[3x1x8]"));
            Assert.That(types.Shape("v"), Is.EqualTo("[3x1x8]"));
            Assert.That(types.Shape("sum"), Is.EqualTo("[3x1x64]"));
        });
    }

    [Test]
    public void A_must_end_in_k()
    {
        var b = new Builder().Opset(Contrib, 1);
        Mlp(b, b.Input("a", ElementType.Float, 2, 48), ("K", 64L), ("N", 24L), ("activation", "silu"));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("does not end in K 64"));
    }

    [Test]
    public void A_scalar_a_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        Qkv(b, b.Input("a", ElementType.Float), b.Weight("norm_scale", 64), ("K", 64L), ("Nq", 32L), ("Nkv", 8L));

        ShapeTestKit.AssertShapeMismatch(b, "MatMulNBitsQkv_0");
    }

    [Test]
    public void Mlp_requires_its_activation()
    {
        var b = new Builder().Opset(Contrib, 1);
        Mlp(b, b.Input("a", ElementType.Float, 2, 64), ("K", 64L), ("N", 24L));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("the required attribute activation is missing"));
    }

    [Test]
    public void Qkv_requires_nkv_and_its_norm_scale()
    {
        var missingWidth = new Builder().Opset(Contrib, 1);
        Qkv(missingWidth, missingWidth.Input("a", ElementType.Float, 2, 64), missingWidth.Weight("norm_scale", 64), ("K", 64L), ("Nq", 32L));
        var missingScale = new Builder().Opset(Contrib, 1);
        Qkv(missingScale, missingScale.Input("a", ElementType.Float, 2, 64), "", ("K", 64L), ("Nq", 32L), ("Nkv", 8L));

        Assert.Multiple(() =>
        {
            Assert.That(ShapeTestKit.Rejects(missingWidth).Message, Does.Contain("the required attribute Nkv is missing"));
            Assert.That(ShapeTestKit.Rejects(missingScale).Message, Does.Contain("the required input norm_scale (2) is missing"));
        });
    }

    [Test]
    public void A_skip_of_another_width_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        var a = b.Input("a", ElementType.Float, 2, 64);
        b.NodeIn(Contrib, "MatMulNBitsMlp", new[] { a, b.Input("skip", ElementType.Float, 2, 32), b.Weight("norm_scale", 64), Weight(b, "gate", 24), b.Weight("gate_scales", 48), "", Weight(b, "up", 24), b.Weight("up_scales", 48) },
            new[] { "y" }, ("K", 64L), ("N", 24L), ("activation", "silu"));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("skip [2x32] does not end in K 64"));
    }

    [Test]
    public void A_non_positive_n_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        Mlp(b, b.Input("a", ElementType.Float, 2, 64), ("K", 64L), ("N", 0L), ("activation", "silu"));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("N 0 must be positive"));
    }

    private static void Mlp(Builder b, string a, params (string, object)[] attributes) =>
        b.NodeIn(Contrib, "MatMulNBitsMlp", new[] { a, "", "", Weight(b, "gate", 24), b.Weight("gate_scales", 48), "", Weight(b, "up", 24), b.Weight("up_scales", 48) },
            new[] { "y", "sum" }, attributes.Append(("bits", 4L)).Append(("block_size", 32L)).ToArray());

    private static void Qkv(Builder b, string a, string normScale, params (string, object)[] attributes) =>
        b.NodeIn(Contrib, "MatMulNBitsQkv", new[] { a, b.Input("skip", ElementType.Float, "batch", 1, 64), normScale, Weight(b, "q", 32), b.Weight("q_scales", 64), "", Weight(b, "k", 8), b.Weight("k_scales", 16), "", Weight(b, "v", 8), b.Weight("v_scales", 16) },
            new[] { "q", "k", "v", "sum" }, attributes.Append(("bits", 4L)).Append(("block_size", 32L)).ToArray());

    private static string Weight(Builder b, string name, long n) => b.Initializer($"{name}_B", ElementType.UInt8, new[] { n, 2L, 16L });
}

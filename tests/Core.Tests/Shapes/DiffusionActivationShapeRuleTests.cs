using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>BiasSplitGelu and GemmFastGelu, the Stable Diffusion fusions of ONNX Runtime's transformer optimizer.</summary>
public sealed class DiffusionActivationShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Bias_split_gelu_halves_the_last_dim_and_gemm_fast_gelu_is_a_matmul()
    {
        var b = new Builder().Opset(Contrib, 1);
        var split = b.NodeIn(Contrib, "BiasSplitGelu", new[] { b.Input("x", ElementType.Float16, 2, 64, 2560), b.Initializer("bias", ElementType.Float16, new long[] { 2560 }) },
            new[] { "split" });
        var gemm = b.NodeIn(Contrib, "GemmFastGelu", new[] { b.Input("a", ElementType.Float, 2, 5, 16), b.Weight("w", 16, 32), b.Weight("b", 32) }, new[] { "gemm" });

        var types = b.Infer();

        // 2560 / 2 = 1280; (2, 5, 16) · (16, 32) = (2, 5, 32).
        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(split), Is.EqualTo("[2x64x1280]"));
            Assert.That(types.Element(split), Is.EqualTo(ElementType.Float16));
            Assert.That(types.Shape(gemm), Is.EqualTo("[2x5x32]"));
        });
    }

    [Test]
    public void Bias_split_gelu_rejects_an_input_that_is_not_3d()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "BiasSplitGelu", new[] { b.Input("x", ElementType.Float, 64, 2560), b.Weight("bias", 2560) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "BiasSplitGelu_0");
    }

    [Test]
    public void Bias_split_gelu_rejects_a_bias_of_another_width()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "BiasSplitGelu", new[] { b.Input("x", ElementType.Float, 1, 64, 2560), b.Weight("bias", 1280) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "BiasSplitGelu_0");
    }

    [Test]
    public void Gemm_fast_gelu_rejects_mismatched_inner_dims()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "GemmFastGelu", new[] { b.Input("a", ElementType.Float, 5, 16), b.Weight("w", 8, 32) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "GemmFastGelu_0");
    }
}

using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>GatedRMSNorm shapes, as ONNX Runtime's contrib operator documentation gives them.</summary>
public sealed class GatedRmsNormShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Output_has_the_input_shape_and_type()
    {
        var b = new Builder().Opset(Contrib, 1);
        Norm(b, b.Input("x", ElementType.Float16, "batch", "seq", 64), b.Weight("scale", 16), b.Input("gate", ElementType.Float16, "batch", "seq", 64));

        var types = b.Infer("batch=2", "seq=3");

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x3x64]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float16));
        });
    }

    [Test]
    public void The_last_dim_must_be_a_multiple_of_the_scale()
    {
        var b = new Builder().Opset(Contrib, 1);
        Norm(b, b.Input("x", ElementType.Float, 2, 60), b.Weight("scale", 16), b.Input("gate", ElementType.Float, 2, 60));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("not a multiple of the scale's length 16"));
    }

    [Test]
    public void The_scale_must_be_one_dimensional()
    {
        var b = new Builder().Opset(Contrib, 1);
        Norm(b, b.Input("x", ElementType.Float, 2, 64), b.Weight("scale", 4, 16), b.Input("gate", ElementType.Float, 2, 64));

        ShapeTestKit.AssertShapeMismatch(b, "GatedRMSNorm_0");
    }

    [Test]
    public void The_gate_must_have_the_input_shape()
    {
        var b = new Builder().Opset(Contrib, 1);
        Norm(b, b.Input("x", ElementType.Float, 2, 64), b.Weight("scale", 16), b.Input("gate", ElementType.Float, 2, 1));

        Assert.That(ShapeTestKit.Rejects(b).Message, Does.Contain("gate [2x1] does not have X's shape [2x64]"));
    }

    private static void Norm(Builder b, string x, string scale, string gate) =>
        b.NodeIn(Contrib, "GatedRMSNorm", new[] { x, scale, gate }, new[] { "y" }, ("epsilon", 1e-6f));
}

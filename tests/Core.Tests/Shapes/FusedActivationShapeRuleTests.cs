using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class FusedActivationShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [TestCase("FastGelu")]
    [TestCase("BiasGelu")]
    [TestCase("Gelu")]
    [TestCase("QuickGelu")]
    [TestCase("BiasAdd")]
    public void Fused_activations_keep_the_input_shape(string op)
    {
        var b = new Builder().Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float16, 2, 3, 8);
        var inputs = op switch
        {
            "Gelu" or "QuickGelu" => new[] { x },
            "BiasAdd" => new[] { x, b.Weight("bias", 8), b.Input("skip", ElementType.Float16, 2, 3, 8) },
            _ => new[] { x, b.Weight("bias", 8) },
        };
        b.NodeIn(Contrib, op, inputs, new[] { "y" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x3x8]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float16));
        });
    }
}

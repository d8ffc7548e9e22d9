using EfficiencyMisnomer.Onnx;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>The com.microsoft elementwise and normalization fusions, and SimplifiedLayerNormalization.</summary>
public sealed class FusedOperatorShapeRuleTests
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

    [Test]
    public void Skip_layer_normalization_outputs_rows_and_the_residual_sum()
    {
        var b = new Builder().Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float, 2, 3, 8);
        var skip = b.Input("skip", ElementType.Float, 2, 3, 8);
        b.NodeIn(Contrib, "SkipLayerNormalization", new[] { x, skip, b.Weight("g", 8), b.Weight("b", 8) }, new[] { "y", "mean", "inv", "sum" });
        b.NodeIn(Contrib, "SkipSimplifiedLayerNormalization", new[] { x, skip, b.Weight("g2", 8) }, new[] { "z" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x3x8]"));
            Assert.That(types.Shape("mean"), Is.EqualTo("[2x3x1]"));
            Assert.That(types.Shape("inv"), Is.EqualTo("[2x3x1]"));
            Assert.That(types.Shape("sum"), Is.EqualTo("[2x3x8]"));
            Assert.That(types.Shape("z"), Is.EqualTo("[2x3x8]"));
        });
    }

    [Test]
    public void Simplified_layer_normalization_in_the_default_domain()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 2, 3, 8);
        b.Node("SimplifiedLayerNormalization", new[] { x, b.Weight("g", 8) }, new[] { "y", "inv" }, ("axis", -1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x3x8]"));
            Assert.That(types.Shape("inv"), Is.EqualTo("[2x3x1]"));
        });
    }

    [Test]
    public void Embed_layer_normalization_looks_up_the_hidden_width()
    {
        var b = new Builder().Opset(Contrib, 1);
        var ids = b.Input("ids", ElementType.Int32, 2, 5);
        var segments = b.Input("segments", ElementType.Int32, 2, 5);
        b.NodeIn(Contrib, "EmbedLayerNormalization",
            new[] { ids, segments, b.Weight("word", 100, 16), b.Weight("position", 32, 16), b.Weight("segment", 2, 16), b.Weight("g", 16), b.Weight("b", 16) },
            new[] { "y", "mask_index", "sum" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[2x5x16]"));
            Assert.That(types.Shape("mask_index"), Is.EqualTo("[2]"));
            Assert.That(types.Element("mask_index"), Is.EqualTo(ElementType.Int32));
            Assert.That(types.Shape("sum"), Is.EqualTo("[2x5x16]"));
        });
    }
}

using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class EmbedLayerNormalizationShapeRuleTests
{
    private const string Contrib = "com.microsoft";

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

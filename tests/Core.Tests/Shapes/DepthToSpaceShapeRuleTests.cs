using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class DepthToSpaceShapeRuleTests
{
    [Test]
    public void Channels_move_into_space_and_back()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 16, 5, 7);
        var space = b.Op("DepthToSpace", new[] { x }, ("blocksize", 2L));
        var depth = b.Op("SpaceToDepth", new[] { space }, ("blocksize", 2L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(space), Is.EqualTo("[1x4x10x14]"));
            Assert.That(types.Shape(depth), Is.EqualTo("[1x16x5x7]"));
        });
    }
}

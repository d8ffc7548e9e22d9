using EfficiencyMisnomer.ModelBuilder;
using static EfficiencyMisnomer.Tests.Architectures.ArchitectureAnalysis;

namespace EfficiencyMisnomer.Tests.Architectures;

/// <summary>The depth-versus-width pair: alike in params and MACs, far apart in sequential depth.</summary>
public sealed class VitFamilyTests
{
    [Test]
    public void The_deep_variant_has_at_least_three_times_the_layers()
    {
        var deep = CountNodes(VitFamily.Deep(), "LayerNormalization");
        var wide = CountNodes(VitFamily.Wide(), "LayerNormalization");

        Assert.Multiple(() =>
        {
            Assert.That(VitFamily.DeepSize.Depth, Is.GreaterThanOrEqualTo(3 * VitFamily.WideSize.Depth));
            Assert.That(deep, Is.EqualTo((2 * VitFamily.DeepSize.Depth) + 1), "two layer norms per block, one final");
            Assert.That(wide, Is.EqualTo((2 * VitFamily.WideSize.Depth) + 1));
        });
    }

    [Test]
    public void Params_are_within_ten_percent_of_each_other()
    {
        var deep = Analyze(VitFamily.Deep()).Count("params");
        var wide = Analyze(VitFamily.Wide()).Count("params");

        Assert.Multiple(() =>
        {
            Assert.That(deep, Is.EqualTo(5_717_416), "ViT-Ti/16's count, as torchvision builds it");
            Assert.That((double)wide, Is.EqualTo(deep).Within(10).Percent);
        });
    }

    [Test]
    [Category(NeedsCostRules)]
    public void Macs_are_within_ten_percent_of_each_other()
    {
        var deep = Analyze(VitFamily.Deep()).Count("macs");
        var wide = Analyze(VitFamily.Wide()).Count("macs");

        Assert.Multiple(() =>
        {
            Assert.That(deep, Is.EqualTo(1_253_683_200));
            Assert.That(wide, Is.EqualTo(1_182_891_520));
            Assert.That((double)wide, Is.EqualTo(deep).Within(10).Percent);
        });
    }
}

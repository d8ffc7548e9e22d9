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

    [Test]
    public void The_deep_variant_is_three_times_deeper_with_a_third_of_the_work_per_step()
    {
        var deep = Analyze(VitFamily.Deep());
        var wide = Analyze(VitFamily.Wide());

        Assert.Multiple(() =>
        {
            Assert.That(deep.Count("depth"), Is.GreaterThanOrEqualTo(3 * wide.Count("depth")));
            Assert.That(deep["macs_per_step"].Value, Is.LessThanOrEqualTo(wide["macs_per_step"].Value / 3));
            Assert.That(deep["macs_per_step"].Value, Is.EqualTo((double)deep.Count("macs") / deep.Count("depth")));
        });
    }
}

using EfficiencyMisnomer.ModelBuilder;
using static EfficiencyMisnomer.Tests.Architectures.ArchitectureAnalysis;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Architectures;

public sealed class TorchVisionModelTests
{
    private static IEnumerable<TestCaseData> Models()
    {
        yield return Case("resnet50", TorchVisionModels.ResNet50, TorchVisionModels.ResNet50Params, TorchVisionModels.ResNet50Macs);
        yield return Case("mobilenet_v2", TorchVisionModels.MobileNetV2, TorchVisionModels.MobileNetV2Params, TorchVisionModels.MobileNetV2Macs);
        yield return Case("vit_b_16", TorchVisionModels.VitB16, TorchVisionModels.VitB16Params, TorchVisionModels.VitB16Macs);
    }

    private static TestCaseData Case(string name, Func<WeightStorage, Builder> build, long parameters, double macs) =>
        new TestCaseData(build, parameters, macs).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Models))]
    public void Params_are_torchvisions_documented_count(Func<WeightStorage, Builder> build, long parameters, double macs)
    {
        var report = Analyze(build(WeightStorage.External));

        Assert.That(report.Count("params"), Is.EqualTo(parameters));
    }

    [TestCaseSource(nameof(Models))]
    [Category(NeedsCostRules)]
    public void Macs_at_batch_one_are_torchvisions_documented_gflops(Func<WeightStorage, Builder> build, long parameters, double macs)
    {
        var report = Analyze(build(WeightStorage.External));

        Assert.That((double)report.Count("macs"), Is.EqualTo(macs).Within(0.5).Percent);
    }

    [Test]
    public void Batch_norm_stays_unfused_with_its_running_statistics_as_separate_tensors()
    {
        var resnet = TorchVisionModels.ResNet50();
        var initializers = resnet.Graph.Initializer.Where(t => t.Name.EndsWith(".running_mean", StringComparison.Ordinal)
            || t.Name.EndsWith(".running_var", StringComparison.Ordinal));
        var statistics = initializers.Sum(t => t.Dims.Aggregate(1L, (a, b) => a * b));

        Assert.Multiple(() =>
        {
            Assert.That(CountNodes(resnet, "BatchNormalization"), Is.EqualTo(53));
            Assert.That(statistics, Is.EqualTo(2 * 26_560), "torchvision's running_mean and running_var buffers");
        });
    }
}

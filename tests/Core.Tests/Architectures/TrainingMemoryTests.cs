using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.ModelBuilder;
using static EfficiencyMisnomer.Tests.Architectures.ArchitectureAnalysis;

namespace EfficiencyMisnomer.Tests.Architectures;

/// <summary>
/// training_memory = parameter bytes × (weights + gradients + optimizer copies) + stored activations,
/// as docs/indicators.md defines it, on torchvision's resnet50 and on encoders with and without sharing.
/// </summary>
public sealed class TrainingMemoryTests
{
    private const long Float32 = 4;

    [TestCase(Optimizer.Sgd, 0)]
    [TestCase(Optimizer.Momentum, 1)]
    [TestCase(Optimizer.Adam, 2)]
    [TestCase(Optimizer.Sam, 3)]
    public void Resnet50_follows_the_documented_formula(Optimizer optimizer, int stateCopies)
    {
        var report = Analyze(TorchVisionModels.ResNet50(), optimizer);

        var expected = (TorchVisionModels.ResNet50Params * Float32 * (2 + stateCopies)) + StoredActivations(report);
        Assert.That(report.Count("training_memory"), Is.EqualTo(expected));
    }

    [Test]
    public void Resnet50_adam_needs_two_more_copies_of_the_weights_than_sgd()
    {
        var sgd = Analyze(TorchVisionModels.ResNet50(), Optimizer.Sgd).Count("training_memory");
        var adam = Analyze(TorchVisionModels.ResNet50(), Optimizer.Adam).Count("training_memory");

        Assert.That(adam - sgd, Is.EqualTo(2 * TorchVisionModels.ResNet50Params * Float32));
    }

    [Test]
    public void Sharing_weights_saves_parameters_but_not_the_activations_training_stores([Values(2, 6)] int depth)
    {
        var shared = Analyze(Transformers.Encoder(depth, 64, 4, 256, 16, shareWeights: true));
        var distinct = Analyze(Transformers.Encoder(depth, 64, 4, 256, 16, shareWeights: false));

        Assert.Multiple(() =>
        {
            Assert.That(shared.Count("macs"), Is.EqualTo(distinct.Count("macs")));
            Assert.That(distinct.Count("params"), Is.EqualTo(depth * shared.Count("params")));
            Assert.That(ActivationPart(shared), Is.EqualTo(ActivationPart(distinct)));
            Assert.That(ActivationPart(shared), Is.EqualTo(StoredActivations(shared)));
            Assert.That(shared.Count("training_memory"), Is.LessThan(distinct.Count("training_memory")));
        });
    }

    /// <summary>The bytes every non-view node writes in a forward pass: what backward needs kept.</summary>
    private static long StoredActivations(StaticReport report) =>
        report.Nodes.Where(n => n.Class != OperatorClass.View).Sum(n => n.BytesWritten * n.Repeats);

    /// <summary>training_memory less its weight terms (Adam: weights, gradients, two moments).</summary>
    private static long ActivationPart(StaticReport report) =>
        report.Count("training_memory") - (report.Count("params") * Float32 * (2 + 2));
}

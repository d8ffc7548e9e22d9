using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Tests.Architectures;

public sealed class RecurrentNetworkTests
{
    private const long Steps = 10;
    private const long InputSize = 12;
    private const long Hidden = 20;

    /// <summary>T · gates · H · (I + H) · directions · batch, summed over layers; deeper layers read directions · H features.</summary>
    private static long Formula(string op, int layers, bool bidirectional, long batch)
    {
        var directions = bidirectional ? 2 : 1;
        long macs = 0, features = InputSize;
        for (int i = 0; i < layers; i++)
        {
            macs += Steps * NetworkBuilder.Gates(op) * Hidden * (features + Hidden) * directions * batch;
            features = directions * Hidden;
        }

        return macs;
    }

    [Test]
    public void Macs_follow_the_gate_formula_summed_over_layers_and_directions(
        [Values("LSTM", "GRU")] string op, [Values(1, 2)] int layers, [Values] bool bidirectional)
    {
        var model = RecurrentNetworks.Stack(op, layers, InputSize, Hidden, bidirectional, Steps);

        var report = StaticAnalyzer.Analyze(model.Load(), ShapeBindings.Parse(new[] { "batch=3" }));

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(Formula(op, layers, bidirectional, batch: 3)));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Coverage.UninferredNodes, Is.Empty);
        });
    }

    [Test]
    public void Parameters_are_the_weights_of_every_layer_and_direction()
    {
        var model = RecurrentNetworks.Stack("LSTM", 2, InputSize, Hidden, bidirectional: true, Steps);

        var report = ArchitectureAnalysis.Analyze(model);

        // Per layer and direction: W 4H·I, R 4H·H, B 8H; the second layer reads 2H features.
        const long first = 2 * ((80 * InputSize) + (80 * Hidden) + 160);
        const long second = 2 * ((80 * 2 * Hidden) + (80 * Hidden) + 160);
        Assert.That(report.Count("params"), Is.EqualTo(first + second));
    }
}

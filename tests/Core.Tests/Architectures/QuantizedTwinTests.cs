using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.CostModel;

namespace EfficiencyMisnomer.Tests.Architectures;

public sealed class QuantizedTwinTests
{
    [Test]
    public void Quantized_model_has_the_macs_and_params_of_its_float_twin()
    {
        var single = StaticAnalyzer.Analyze(QuantizedModels.ConvLinear(quantized: false).Load());
        var quantized = StaticAnalyzer.Analyze(QuantizedModels.ConvLinear(quantized: true).Load());

        // Conv 8·8·8 outputs · 3·3·3, then 512 · 10; weights 216 + bias 8 + 5120, scales and zero points excluded.
        const long macs = (512 * 27) + (512 * 10);
        const long parameters = 216 + 8 + 5120;
        Assert.Multiple(() =>
        {
            Assert.That(single.Count("macs"), Is.EqualTo(macs));
            Assert.That(quantized.Count("macs"), Is.EqualTo(macs));
            Assert.That(single.Count("params"), Is.EqualTo(parameters));
            Assert.That(quantized.Count("params"), Is.EqualTo(parameters));
            Assert.That(quantized.Count("unknown_ops"), Is.Zero);
            Assert.That(quantized.Coverage.UninferredNodes, Is.Empty);
        });
    }

    [Test]
    public void Int8_weights_take_a_quarter_of_the_training_weight_bytes()
    {
        var single = StaticAnalyzer.Analyze(QuantizedModels.ConvLinear(quantized: false).Load());
        var quantized = StaticAnalyzer.Analyze(QuantizedModels.ConvLinear(quantized: true).Load());

        var floatBytes = single.Count("training_memory") - Stored(single);
        var intBytes = quantized.Count("training_memory") - Stored(quantized);

        // Adam: weights, gradients and two moments, 4 copies; int8 weights 5336 bytes and an int32 bias of 8.
        Assert.Multiple(() =>
        {
            Assert.That(floatBytes, Is.EqualTo(4 * 4 * (216 + 8 + 5120)));
            Assert.That(intBytes, Is.EqualTo(4 * (216 + 5120 + (4 * 8))));
        });
    }

    private static long Stored(StaticReport report) => TrainingCost.StoredActivationBytes(report.Nodes);
}

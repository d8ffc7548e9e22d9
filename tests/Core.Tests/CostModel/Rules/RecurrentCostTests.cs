using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class RecurrentCostTests
{
    [Test]
    public void Bidirectional_lstm_with_bias_over_a_batch()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 3, 2, 5);
        var y = builder.Node("LSTM", new[] { x, builder.Weight("w", 2, 16, 5), builder.Weight("r", 2, 16, 4), builder.Weight("b", 2, 32) },
            new[] { "y", "y_h", "y_c" }, ("hidden_size", 4L), ("direction", "bidirectional"));
        builder.Declare(y, ElementType.Float, 3, 2, 2, 4);

        var report = builder.Analyze(y);

        // T·gates·H·(I + H)·directions·batch = 3·4·4·9·2·2; per unit and step: 3 sigmoids (12), 2 tanh,
        // cell update 3, output product 1, bias 2 per gate (8) = 26, over 3 steps · 2 batch · 4 units · 2 directions.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(1728));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 1728) + (26 * 48)));
            Assert.That(report.Count("activations"), Is.EqualTo(48));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Gru_without_bias_costs_its_gates_and_update()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 3, 1, 2);
        var y = builder.Node("GRU", new[] { x, builder.Weight("w", 1, 9, 2), builder.Weight("r", 1, 9, 3) }, new[] { "y" }, ("hidden_size", 3L));
        builder.Declare(y, ElementType.Float, 3, 1, 1, 3);

        var report = builder.Analyze(y);

        // 3·3·3·(2 + 3) MACs; per unit: 2 sigmoids (8), tanh, reset product, (1 − z)·h + z·H (4) = 14.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(135));
            Assert.That(report.Count("flops"), Is.EqualTo(270 + (14 * 9)));
        });
    }

    [Test]
    public void Rnn_reads_its_activation_and_clip()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 2, 1, 3);
        var y = builder.Node("RNN", new[] { x, builder.Weight("w", 1, 2, 3), builder.Weight("r", 1, 2, 2), builder.Weight("b", 1, 4) }, new[] { "y" },
            ("hidden_size", 2L), ("activations", new[] { "Relu" }), ("clip", 1.0f));
        builder.Declare(y, ElementType.Float, 2, 1, 1, 2);

        var report = builder.Analyze(y);

        // 2·1·2·(3 + 2) MACs; per unit: relu 1, bias 2, clip 2.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(20));
            Assert.That(report.Count("flops"), Is.EqualTo(40 + (5 * 4)));
        });
    }

    [Test]
    public void Lstm_peepholes_and_batch_first_layout()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 2, 3, 1);
        var y = builder.Node("LSTM",
            new[] { x, builder.Weight("w", 1, 4, 1), builder.Weight("r", 1, 4, 1), builder.Weight("b", 1, 8), "", "", "", builder.Weight("p", 1, 3) },
            new[] { "y" }, ("layout", 1L));
        builder.Declare(y, ElementType.Float, 2, 3, 1, 1);

        var report = builder.Analyze(y);

        // Batch 2, 3 steps, H = 1 read from R: 6 cells of 4·(1 + 1) MACs; 18 + bias 8 + peepholes 6 per cell.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(48));
            Assert.That(report.Count("flops"), Is.EqualTo(96 + (32 * 6)));
        });
    }
}

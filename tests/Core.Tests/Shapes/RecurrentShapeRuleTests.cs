using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class RecurrentShapeRuleTests
{
    [Test]
    public void Bidirectional_lstm_gives_sequence_and_last_states()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 7, 2, 5);
        b.Node("LSTM", new[] { x, b.Weight("w", 2, 16, 5), b.Weight("r", 2, 16, 4) }, new[] { "y", "y_h", "y_c" },
            ("hidden_size", 4L), ("direction", "bidirectional"));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[7x2x2x4]"));
            Assert.That(types.Shape("y_h"), Is.EqualTo("[2x2x4]"));
            Assert.That(types.Shape("y_c"), Is.EqualTo("[2x2x4]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Float));
        });
    }

    [Test]
    public void Batch_first_layout_and_hidden_size_read_from_r()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 3, 9, 6);
        b.Node("GRU", new[] { x, b.Weight("w", 1, 15, 6), b.Weight("r", 1, 15, 5), "", "" }, new[] { "y", "y_h" }, ("layout", 1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("y"), Is.EqualTo("[3x9x1x5]"));
            Assert.That(types.Shape("y_h"), Is.EqualTo("[3x1x5]"));
        });
    }

    [Test]
    public void Reverse_rnn_keeps_one_direction_and_a_symbolic_batch()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 4, "batch", 3);
        b.Node("RNN", new[] { x, b.Weight("w", 1, 8, 3), b.Weight("r", 1, 8, 8) }, new[] { "", "y_h" },
            ("hidden_size", 8L), ("direction", "reverse"));

        Assert.That(b.Infer("batch=6").Shape("y_h"), Is.EqualTo("[1x6x8]"));
    }

    [Test]
    public void Weights_of_the_wrong_direction_count_are_rejected()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 4, 1, 3);
        b.Node("RNN", new[] { x, b.Weight("w", 1, 8, 3), b.Weight("r", 1, 8, 8) }, new[] { "y" }, ("direction", "bidirectional"));

        ShapeTestKit.AssertShapeMismatch(b, "RNN_0");
    }
}

using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class DataMovementCostTests
{
    [Test]
    public void Transpose_moves_data_without_arithmetic()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, 2, 3);
        var y = builder.Typed("Transpose", new[] { x }, new long[] { 3, 2 }, ("perm", new long[] { 1, 0 }));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.Zero);
            Assert.That(report.Count("activations"), Is.Zero);
            Assert.That(report.Count("activations_all"), Is.EqualTo(6));
            Assert.That(report.Count("memory_access"), Is.EqualTo(48));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Embedding_lookup_and_concat_count_their_traffic()
    {
        var builder = new Builder();
        var ids = builder.Input("ids", ElementType.Int64, 3);
        var table = builder.Weight("table", 10, 4);
        var rows = builder.Typed("Gather", new[] { table, ids }, new long[] { 3, 4 });
        var both = builder.Typed("Concat", new[] { rows, rows }, new long[] { 6, 4 }, ("axis", 0L));
        var y = builder.Typed("Cast", new[] { both }, ElementType.Float16, new long[] { 6, 4 }, ("to", 10L));

        var report = builder.Analyze(y);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.Zero);
            Assert.That(report.Count("activations_all"), Is.EqualTo(12 + 24 + 24));
            Assert.That(report.Count("memory_access"), Is.EqualTo((160 + 24 + 48) + (48 + 48 + 96) + (96 + 48)));
        });
    }

    [Test]
    public void Tensor_scatter_copies_the_cache_and_writes_the_update_without_arithmetic()
    {
        var builder = new Builder(opset: 24);
        var inputs = new[] { builder.Input("past", ElementType.Float, 2, 4, 8, 16), builder.Input("update", ElementType.Float, 2, 4, 1, 16), builder.Input("write", ElementType.Int64, 2) };
        var y = builder.Op("TensorScatter", inputs);

        var report = builder.Analyze(y);

        // Reads the past cache 2·4·8·16 = 1024 and update 2·4·1·16 = 128 floats and 2 int64 indices,
        // writes the 1024-float present cache: (1024 + 128 + 1024) · 4 + 2 · 8 = 8720 bytes.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.Zero);
            Assert.That(report.Count("activations_all"), Is.EqualTo(1024));
            Assert.That(report.Count("memory_access"), Is.EqualTo(8720));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }

    [Test]
    public void Max_unpool_and_reverse_sequence_move_data_without_arithmetic()
    {
        var builder = new Builder(opset: 11);
        var x = builder.Input("x", ElementType.Float, 1, 3, 4, 5);
        var unpooled = builder.Op("MaxUnpool", new[] { x, builder.Input("i", ElementType.Int64, 1, 3, 4, 5) }, ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }));
        var y = builder.Op("ReverseSequence", new[] { unpooled, builder.Input("lens", ElementType.Int64, 3) }, ("batch_axis", 1L), ("time_axis", 0L));

        var report = builder.Analyze(y);

        // MaxUnpool reads 60 floats and 60 int64 indices and writes (1, 3, 8, 10) = 240 floats: 240 + 480 + 960;
        // ReverseSequence reads those 240 floats and 3 int64 lengths and writes 240 floats: 960 + 24 + 960.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("flops"), Is.Zero);
            Assert.That(report.Count("memory_access"), Is.EqualTo(1680 + 1944));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
        });
    }
}

using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class MatMulCostTests
{
    [TestCase(new long[] { 3, 4 }, new long[] { 4, 5 }, new long[] { 3, 5 }, 60L, TestName = "Plain 2-D")]
    [TestCase(new long[] { 2, 1, 3, 4 }, new long[] { 3, 4, 5 }, new long[] { 2, 3, 3, 5 }, 360L, TestName = "Broadcast batch dims")]
    [TestCase(new long[] { 6, 3, 4 }, new long[] { 4, 5 }, new long[] { 6, 3, 5 }, 360L, TestName = "Batched times shared matrix")]
    [TestCase(new long[] { 4 }, new long[] { 4, 5 }, new long[] { 5 }, 20L, TestName = "1-D times matrix")]
    [TestCase(new long[] { 2, 3, 4 }, new long[] { 4 }, new long[] { 2, 3 }, 24L, TestName = "Batched matrix times 1-D")]
    [TestCase(new long[] { 4 }, new long[] { 4 }, new long[0], 4L, TestName = "Dot product of two vectors")]
    public void MatMul_macs_follow_numpy_semantics(long[] a, long[] b, long[] output, long macs)
    {
        var builder = new Builder();
        var x = builder.Input("a", ElementType.Float, a.Cast<object>().ToArray());
        var y = builder.Input("b", ElementType.Float, b.Cast<object>().ToArray());
        var z = builder.Typed("MatMul", new[] { x, y }, output);

        var report = builder.Analyze(z);

        var outputs = output.Aggregate(1L, (p, d) => p * d);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(macs));
            Assert.That(report.Count("flops"), Is.EqualTo(2 * macs));
            Assert.That(report.Count("activations"), Is.EqualTo(outputs));
            Assert.That(report.Count("memory_access"), Is.EqualTo((a.Aggregate(1L, (p, d) => p * d) + b.Aggregate(1L, (p, d) => p * d) + outputs) * 4));
        });
    }

    [Test]
    public void Attention_block_counts_both_matmuls_and_the_softmax()
    {
        var builder = new Builder();
        var q = builder.Input("q", ElementType.Float, 1, 2, 6, 8);
        var k = builder.Input("k", ElementType.Float, 1, 2, 6, 8);
        var v = builder.Input("v", ElementType.Float, 1, 2, 6, 8);
        var kt = builder.Typed("Transpose", new[] { k }, new long[] { 1, 2, 8, 6 }, ("perm", new long[] { 0, 1, 3, 2 }));
        var scores = builder.Typed("MatMul", new[] { q, kt }, new long[] { 1, 2, 6, 6 });
        var weights = builder.Typed("Softmax", new[] { scores }, new long[] { 1, 2, 6, 6 }, ("axis", -1L));
        var context = builder.Typed("MatMul", new[] { weights, v }, new long[] { 1, 2, 6, 8 });

        var report = builder.Analyze(context);

        // QK^T: 2 heads x 6 x 8 x 6; AV: 2 heads x 6 x 6 x 8.
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(576 + 576));
            Assert.That(report.Count("flops"), Is.EqualTo((2 * 1152) + (5 * 72)));
            Assert.That(report.Count("activations"), Is.EqualTo(72 + 96));
            Assert.That(report.Count("activations_all"), Is.EqualTo(96 + 72 + 72 + 96));
            Assert.That(report.Count("memory_access"), Is.EqualTo(((96 + 96) + (96 + 96 + 72) + (72 + 72) + (72 + 96 + 96)) * 4));
        });
    }

    [Test]
    public void Integer_and_qlinear_matmuls_count_macs()
    {
        var builder = new Builder();
        var a = builder.Input("a", ElementType.UInt8, 2, 3);
        var b = builder.Initializer("b", ElementType.UInt8, new long[] { 3, 4 });
        var scale = builder.Floats("scale", Array.Empty<long>(), new[] { 0.5f });
        var zero = builder.Initializer("zero", ElementType.UInt8, Array.Empty<long>());
        var i = builder.Typed("MatMulInteger", new[] { a, b }, ElementType.Int32, new long[] { 2, 4 });
        var q = builder.Typed("QLinearMatMul", new[] { a, scale, zero, b, scale, zero, scale, zero }, ElementType.UInt8, new long[] { 2, 4 });
        builder.Output(i);

        var report = builder.Analyze(q);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(2 * 24));
            Assert.That(report.Count("flops"), Is.EqualTo(2 * 48));
        });
    }
}

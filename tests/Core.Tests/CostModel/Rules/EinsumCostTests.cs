using EfficiencyMisnomer.CostModel.Rules;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

public sealed class EinsumCostTests
{
    [TestCase("bhqd,bhkd->bhqk", new long[] { 1, 2, 6, 8 }, new long[] { 1, 2, 6, 8 }, new long[] { 1, 2, 6, 6 }, 576L, TestName = "Attention scores")]
    [TestCase("ij,jk", new long[] { 3, 4 }, new long[] { 4, 5 }, new long[] { 3, 5 }, 60L, TestName = "Implicit matmul")]
    [TestCase("...ij,...jk->...ik", new long[] { 2, 3, 4 }, new long[] { 4, 5 }, new long[] { 2, 3, 5 }, 120L, TestName = "Ellipsis broadcast")]
    [TestCase("b i j, b j k -> b i k", new long[] { 2, 3, 4 }, new long[] { 2, 4, 5 }, new long[] { 2, 3, 5 }, 120L, TestName = "Spaces ignored")]
    [TestCase("i,i->", new long[] { 7 }, new long[] { 7 }, new long[0], 7L, TestName = "Dot product")]
    public void Contraction_costs_one_mac_per_point_of_the_iteration_space(string equation, long[] a, long[] b, long[] output, long macs)
    {
        var builder = new Builder(opset: 12);
        var x = builder.Input("a", ElementType.Float, a.Cast<object>().ToArray());
        var y = builder.Input("b", ElementType.Float, b.Cast<object>().ToArray());
        var z = builder.Typed("Einsum", new[] { x, y }, output, ("equation", equation));

        var report = builder.Analyze(z);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(macs));
            Assert.That(report.Count("flops"), Is.EqualTo(2 * macs));
            Assert.That(report.Count("activations"), Is.EqualTo(output.Aggregate(1L, (p, d) => p * d)));
        });
    }

    [Test]
    public void Outer_product_without_contraction_is_elementwise()
    {
        var builder = new Builder(opset: 12);
        var x = builder.Input("a", ElementType.Float, 3);
        var y = builder.Input("b", ElementType.Float, 4);
        var z = builder.Typed("Einsum", new[] { x, y }, new long[] { 3, 4 }, ("equation", "i,j->ij"));

        var report = builder.Analyze(z);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("flops"), Is.EqualTo(12));
            Assert.That(report.Count("activations"), Is.Zero);
            Assert.That(report.Count("activations_all"), Is.EqualTo(12));
        });
    }

    [TestCase("ij->ji", new long[] { 4, 3 }, 0L, TestName = "Transpose is data movement")]
    [TestCase("ji", new long[] { 4, 3 }, 0L, TestName = "Implicit transpose is data movement")]
    [TestCase("ij->i", new long[] { 3, 4 }, 12L, TestName = "Row sum is a reduction")]
    [TestCase("ii", new long[] { 3, 3 }, 3L, TestName = "Implicit trace sums the diagonal")]
    public void Single_operand_einsum_is_a_reduction_or_a_permutation(string equation, long[] input, long flops)
    {
        var builder = new Builder(opset: 12);
        var x = builder.Input("a", ElementType.Float, input.Cast<object>().ToArray());
        var z = builder.Typed("Einsum", new[] { x }, new long[] { 3 }, ("equation", equation));

        var report = builder.Analyze(z);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("flops"), Is.EqualTo(flops));
            Assert.That(report.Count("activations"), Is.Zero);
        });
    }

    [Test]
    public void Three_operand_contraction_costs_its_whole_iteration_space()
    {
        var builder = new Builder(opset: 12);
        var a = builder.Input("a", ElementType.Float, 2, 3);
        var b = builder.Input("b", ElementType.Float, 3, 4);
        var c = builder.Input("c", ElementType.Float, 4, 5);
        var y = builder.Typed("Einsum", new[] { a, b, c }, new long[] { 2, 5 }, ("equation", "ij,jk,kl->il"));

        var report = builder.Analyze(y);

        Assert.That(report.Count("macs"), Is.EqualTo(2 * 3 * 4 * 5));
    }

    [Test]
    public void Ellipsis_missing_from_an_explicit_output_is_summed()
    {
        var builder = new Builder(opset: 12);
        var x = builder.Input("a", ElementType.Float, 2, 3, 4);
        var y = builder.Typed("Einsum", new[] { x }, new long[] { 4 }, ("equation", "...i->i"));

        var report = builder.Analyze(y);

        Assert.That(report.Count("flops"), Is.EqualTo(24));
    }

    [TestCase("ij,jk", "ik")]
    [TestCase("ij,jh", "hi")]
    [TestCase("...ij,...jk", ".ik")]
    [TestCase("bA,Ab", "")]
    [TestCase("Ba,c", "Bac")]
    public void Implicit_output_is_the_labels_seen_once_in_ordinal_order(string equation, string output)
    {
        Assert.That(EinsumEquation.Parse(equation).Output, Is.EqualTo(output));
    }

    [Test]
    public void Malformed_equation_is_reported_with_the_node()
    {
        var builder = new Builder(opset: 12);
        var x = builder.Input("a", ElementType.Float, 3);
        var z = builder.Typed("Einsum", new[] { x }, new long[] { 3 }, ("equation", "i1->i"));
        builder.Output(z);

        var error = Assert.Throws<EfficiencyException>(() => EfficiencyMisnomer.CostModel.StaticAnalyzer.Analyze(builder.Load()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(ErrorCodes.ShapeMismatch));
            Assert.That(error.Message, Does.Contain("Einsum_0").And.Contain("i1"));
        });
    }
}

using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class IfShapeRuleTests
{
    [TestCase(true, "[2x3]")]
    [TestCase(false, "[3x2]")]
    public void A_constant_condition_gives_the_taken_branch_outputs(bool condition, string shape)
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 2, 3);
        var y = b.If(b.Bool("cond", condition),
            ControlFlowBodies.Branch("then", "Relu", x),
            ControlFlowBodies.Branch("else", "Transpose", x));

        Assert.That(b.Infer().Shape(y), Is.EqualTo(shape));
    }

    [Test]
    public void A_constant_condition_propagates_the_taken_branch_values()
    {
        var then = new Builder("then");
        then.Node("Constant", Array.Empty<string>(), new[] { "then_out" }, ("value_ints", new long[] { 4, 5 }));
        then.Output("then_out", ElementType.Int64);
        var b = new Builder();
        var y = b.If(b.Bool("cond", true), then, ControlFlowBodies.Branch("else", "Shape", b.Input("x", ElementType.Float, 2, 3)));
        var reshaped = b.Op("Reshape", new[] { b.Input("z", ElementType.Float, 20), y });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Ints(y), Is.EqualTo(new long[] { 4, 5 }));
            Assert.That(types.Shape(reshaped), Is.EqualTo("[4x5]"));
        });
    }

    [Test]
    public void A_runtime_condition_keeps_the_dims_both_branches_agree_on()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 2, 3);
        var y = b.If(b.Input("cond", ElementType.Bool),
            ControlFlowBodies.Branch("then", "Relu", x),
            ControlFlowBodies.Branch("else", "MatMul", x, b.Weight("w", 3, 5)));

        var shape = b.Infer().TypeOf(y)!.Shape!;

        Assert.Multiple(() =>
        {
            Assert.That(shape.Rank, Is.EqualTo(2));
            Assert.That(shape[0], Is.EqualTo(EfficiencyMisnomer.Tensors.Dim.Of(2)));
            Assert.That(shape[1].IsKnown, Is.False);
        });
    }

    [Test]
    public void Branches_of_different_ranks_leave_the_rank_unknown_but_the_type_known()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 2, 3);
        var y = b.If(b.Input("cond", ElementType.Bool),
            ControlFlowBodies.Branch("then", "Relu", x),
            ControlFlowBodies.Branch("else", "Unsqueeze", x, b.Int64s("axes", 0)));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(y), Is.EqualTo("none"));
            Assert.That(types.Element(y), Is.EqualTo(ElementType.Float));
        });
    }

    [Test]
    public void Branches_with_different_output_counts_are_rejected_with_the_node_name()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 2, 3);
        var otherwise = ControlFlowBodies.Branch("else", "Relu", x);
        otherwise.Output(x);
        b.If(b.Input("cond", ElementType.Bool), ControlFlowBodies.Branch("then", "Relu", x), otherwise);

        ShapeTestKit.AssertShapeMismatch(b, "If_0");
    }
}

using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class LoopShapeRuleTests
{
    [Test]
    public void Known_trip_count_stacks_scan_outputs_and_keeps_the_carried_shape()
    {
        var b = new Builder();
        var w = b.Weight("w", 4, 4);
        var body = ControlFlowBodies.LoopBody("body", w, 4, scanOutput: true);
        b.Node("Loop", new[] { b.Scalar("trips", 5), "", b.Input("h0", ElementType.Float, 1, 4) }, new[] { "h", "ys" }, ("body", body.Graph));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("body_h"), Is.EqualTo("[1x4]"), "the body input takes the node input's type");
            Assert.That(types.Shape("body_i"), Is.EqualTo("[]"));
            Assert.That(types.Shape("h"), Is.EqualTo("[1x4]"));
            Assert.That(types.Shape("ys"), Is.EqualTo("[5x1x4]"));
        });
    }

    [Test]
    public void Unknown_trip_count_gives_scan_outputs_a_symbolic_leading_dim()
    {
        var b = new Builder();
        var body = ControlFlowBodies.LoopBody("body", b.Weight("w", 4, 4), 4, scanOutput: true);
        b.Node("Loop", new[] { b.Input("m", ElementType.Int64), "", b.Input("h0", ElementType.Float, 1, 4) }, new[] { "h", "ys" },
            ("body", body.Graph));

        var shape = b.Infer().TypeOf("ys")!.Shape!;

        Assert.Multiple(() =>
        {
            Assert.That(shape.Rank, Is.EqualTo(3));
            Assert.That(shape[0].IsKnown, Is.False);
            Assert.That(shape[0].Symbol, Does.Contain("Loop_0"));
            Assert.That(shape[2], Is.EqualTo(EfficiencyMisnomer.Tensors.Dim.Of(4)));
        });
    }

    [Test]
    public void A_constant_false_condition_runs_no_iteration()
    {
        var b = new Builder();
        var body = ControlFlowBodies.LoopBody("body", b.Weight("w", 4, 4), 4, scanOutput: true);
        b.Node("Loop", new[] { b.Scalar("trips", 5), b.Bool("stop", false), b.Input("h0", ElementType.Float, 1, 4) }, new[] { "h", "ys" },
            ("body", body.Graph));

        Assert.That(b.Infer().Shape("ys"), Is.EqualTo("[0x1x4]"));
    }

    [Test]
    public void The_iteration_number_is_an_int64_scalar_and_a_growing_carried_value_gets_a_symbol()
    {
        var body = new Builder("grow");
        var i = body.Input("grow_i", ElementType.Int64);
        body.Input("grow_c", ElementType.Bool);
        var acc = body.Input("grow_acc", ElementType.Int64, "n");
        body.Node("Identity", new[] { "grow_c" }, new[] { "grow_c_out" });
        body.Node("Unsqueeze", new[] { i, "axes" }, new[] { "grow_step" });
        body.Node("Concat", new[] { acc, "grow_step" }, new[] { "grow_acc_out" }, ("axis", 0L));
        body.Node("Identity", new[] { i }, new[] { "grow_seen" });
        body.Output("grow_c_out", ElementType.Bool);
        body.Output("grow_acc_out", ElementType.Int64);
        body.Output("grow_seen", ElementType.Int64);

        var b = new Builder();
        b.Int64s("axes", 0);
        b.Node("Loop", new[] { b.Scalar("trips", 3), "", b.Int64s("start", new long[] { 1 }, new long[] { 0 }) }, new[] { "acc", "seen" },
            ("body", body.Graph));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("grow_acc_out"), Is.EqualTo("[2]"), "the body is typed at the first iteration");
            Assert.That(types.TypeOf("acc")!.Shape![0].IsKnown, Is.False);
            Assert.That(types.Shape("seen"), Is.EqualTo("[3]"));
            Assert.That(types.Element("seen"), Is.EqualTo(ElementType.Int64));
        });
    }
}

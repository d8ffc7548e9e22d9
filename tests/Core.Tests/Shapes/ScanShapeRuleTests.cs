using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

public sealed class ScanShapeRuleTests
{
    /// <summary>A Scan body: <c>s ← s + x_t · w</c> over a state of width 4 and elements of width 3; emits <c>Relu(s)</c> each step.</summary>
    private static Builder Body(string weight)
    {
        var body = new Builder("cell");
        var state = body.Input("cell_s", ElementType.Float, "k");
        var element = body.Input("cell_x", ElementType.Float, "k");
        body.Node("MatMul", new[] { element, weight }, new[] { "cell_xw" });
        body.Node("Add", new[] { state, "cell_xw" }, new[] { "cell_s_out" });
        body.Node("Relu", new[] { "cell_s_out" }, new[] { "cell_y" });
        body.Output("cell_s_out");
        body.Output("cell_y");
        return body;
    }

    [Test]
    public void Scan_inputs_lose_the_scan_axis_and_outputs_stack_along_the_sequence()
    {
        var b = new Builder();
        var body = Body(b.Weight("w", 3, 4));
        b.Node("Scan", new[] { b.Input("s0", ElementType.Float, 4), b.Input("xs", ElementType.Float, 6, 3) }, new[] { "s", "ys" },
            ("body", body.Graph), ("num_scan_inputs", 1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("cell_x"), Is.EqualTo("[3]"));
            Assert.That(types.Shape("s"), Is.EqualTo("[4]"));
            Assert.That(types.Shape("ys"), Is.EqualTo("[6x4]"));
        });
    }

    [TestCase(1L, 1L, "[4x6]")]
    [TestCase(-1L, -1L, "[4x6]")]
    [TestCase(1L, 0L, "[6x4]")]
    public void Scan_axes_choose_where_the_sequence_is_read_and_stacked(long inputAxis, long outputAxis, string shape)
    {
        var b = new Builder();
        var body = Body(b.Weight("w", 3, 4));
        b.Node("Scan", new[] { b.Input("s0", ElementType.Float, 4), b.Input("xs", ElementType.Float, 3, 6) }, new[] { "s", "ys" },
            ("body", body.Graph), ("num_scan_inputs", 1L), ("scan_input_axes", new[] { inputAxis }), ("scan_output_axes", new[] { outputAxis }),
            ("scan_input_directions", new long[] { 1 }));

        Assert.That(b.Infer().Shape("ys"), Is.EqualTo(shape));
    }

    [Test]
    public void Opset_8_batches_every_input_and_output()
    {
        var b = new Builder(opset: 8);
        var body = Body(b.Weight("w", 3, 4));
        b.Node("Scan", new[] { "", b.Input("s0", ElementType.Float, 2, 4), b.Input("xs", ElementType.Float, 2, 6, 3) }, new[] { "s", "ys" },
            ("body", body.Graph), ("num_scan_inputs", 1L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape("cell_s"), Is.EqualTo("[4]"));
            Assert.That(types.Shape("cell_x"), Is.EqualTo("[3]"));
            Assert.That(types.Shape("s"), Is.EqualTo("[2x4]"));
            Assert.That(types.Shape("ys"), Is.EqualTo("[2x6x4]"));
        });
    }

    [Test]
    public void A_missing_scan_input_count_is_rejected_with_the_node_name()
    {
        var b = new Builder();
        b.Node("Scan", new[] { b.Input("s0", ElementType.Float, 4) }, new[] { "s" }, ("body", Body(b.Weight("w", 3, 4)).Graph));

        ShapeTestKit.AssertShapeMismatch(b, "Scan_0");
    }
}

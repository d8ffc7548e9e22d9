using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>
/// The legacy com.microsoft Pad, Range, GatherND, Trilu, Unique and ExpandDims against ONNX Runtime's contrib
/// operator documentation.
/// </summary>
public sealed class ContribLegacyShapeRuleTests
{
    private const string Contrib = "com.microsoft";

    [Test]
    public void Pad_reads_its_pads_from_a_1d_or_a_row_input()
    {
        var b = new Builder().Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float, 3, 2);
        var flat = b.NodeIn(Contrib, "Pad", new[] { x, b.Int64s("pads", 0, 2, 0, 0) }, new[] { "flat" });
        var row = b.NodeIn(Contrib, "Pad", new[] { x, b.Int64s("row_pads", new long[] { 1, 4 }, new long[] { 1, 0, -1, 3 }) }, new[] { "row" }, ("mode", "edge"));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(flat), Is.EqualTo("[3x4]"));
            Assert.That(types.Shape(row), Is.EqualTo("[3x5]"));
        });
    }

    [Test]
    public void Pad_with_pads_for_another_rank_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "Pad", new[] { b.Input("x", ElementType.Float, 3, 2), b.Int64s("pads", 1, 1) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "Pad_0");
    }

    [Test]
    public void Range_without_delta_steps_by_one()
    {
        var b = new Builder().Opset(Contrib, 1);
        var ones = b.NodeIn(Contrib, "Range", new[] { b.Scalar("start", 2), b.Scalar("limit", 6) }, new[] { "ones" });
        var twos = b.NodeIn(Contrib, "Range", new[] { b.ScalarFloat("fstart", 0.5f), b.ScalarFloat("flimit", 4f), b.ScalarFloat("delta", 1.5f) }, new[] { "twos" });

        var types = b.Infer();

        // [2, 6) by 1: 2, 3, 4, 5; [0.5, 4) by 1.5: ceil(3.5 / 1.5) = 3 values.
        Assert.Multiple(() =>
        {
            Assert.That(types.Ints(ones), Is.EqualTo(new long[] { 2, 3, 4, 5 }));
            Assert.That(types.Shape(twos), Is.EqualTo("[3]"));
        });
    }

    [Test]
    public void Range_with_a_zero_delta_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "Range", new[] { b.Scalar("start", 0), b.Scalar("limit", 4), b.Scalar("delta", 0) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "Range_0");
    }

    [Test]
    public void Gather_nd_and_trilu_behave_as_their_onnx_twins()
    {
        var b = new Builder().Opset(Contrib, 1);
        var data = b.Input("data", ElementType.Float, 2, 3, 4);
        var gathered = b.NodeIn(Contrib, "GatherND", new[] { data, b.Input("indices", ElementType.Int64, 5, 2) }, new[] { "gathered" });
        var triangle = b.NodeIn(Contrib, "Trilu", new[] { data }, new[] { "triangle" }, ("upper", 0L));

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.Shape(gathered), Is.EqualTo("[5x4]"));
            Assert.That(types.Shape(triangle), Is.EqualTo("[2x3x4]"));
        });
    }

    [Test]
    public void Gather_nd_indexing_past_the_data_rank_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "GatherND", new[] { b.Input("data", ElementType.Float, 2, 3), b.Input("indices", ElementType.Int64, 5, 3) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "GatherND_0");
    }

    [Test]
    public void Unique_gives_values_idx_and_counts()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "Unique", new[] { b.Input("x", ElementType.Int32, 6) }, new[] { "y", "idx", "counts" });

        var types = b.Infer();

        Assert.Multiple(() =>
        {
            Assert.That(types.TypeOf("y")!.Shape!.Rank, Is.EqualTo(1));
            Assert.That(types.Shape("counts"), Is.EqualTo(types.Shape("y")));
            Assert.That(types.Shape("idx"), Is.EqualTo("[6]"));
            Assert.That(types.Element("y"), Is.EqualTo(ElementType.Int32));
            Assert.That(types.Element("counts"), Is.EqualTo(ElementType.Int64));
        });
    }

    [Test]
    public void Unique_of_a_matrix_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "Unique", new[] { b.Input("x", ElementType.Int32, 2, 3) }, new[] { "y", "idx", "counts" });

        ShapeTestKit.AssertShapeMismatch(b, "Unique_0");
    }

    [TestCase(-1, "[2x3x1]")]
    [TestCase(0, "[1x2x3]")]
    [TestCase(1, "[2x1x3]")]
    public void Expand_dims_inserts_one_dim_at_the_axis(int axis, string expected)
    {
        var b = new Builder().Opset(Contrib, 1);
        var y = b.NodeIn(Contrib, "ExpandDims", new[] { b.Input("x", ElementType.Float, 2, 3), Axis(b, axis) }, new[] { "y" });

        Assert.That(b.Infer().Shape(y), Is.EqualTo(expected));
    }

    [Test]
    public void Expand_dims_past_the_output_rank_is_rejected()
    {
        var b = new Builder().Opset(Contrib, 1);
        b.NodeIn(Contrib, "ExpandDims", new[] { b.Input("x", ElementType.Float, 2, 3), Axis(b, 3) }, new[] { "y" });

        ShapeTestKit.AssertShapeMismatch(b, "ExpandDims_0");
    }

    private static string Axis(Builder b, int axis)
    {
        var tensor = Builder.Tensor(ElementType.Int32, Array.Empty<long>(), new[] { axis });
        tensor.Name = "axis";
        b.Graph.Initializer.Add(tensor);
        return tensor.Name;
    }
}

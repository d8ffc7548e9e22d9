using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel;

/// <summary>Peak live activation bytes on small graphs whose answer is known by hand (every tensor 1x4 float = 16 bytes).</summary>
public sealed class ActivationLivenessTests
{
    [Test]
    public void Chain_holds_two_tensors_at_once()
    {
        var b = Graph(out var x);
        var a = Unary(b, "Relu", x, "a");
        var c = Unary(b, "Relu", a, "b");
        b.Output(Unary(b, "Relu", c, "c"));

        Assert.That(Peak(b), Is.EqualTo(32));
    }

    [Test]
    public void Diamond_holds_both_branches_and_their_source()
    {
        var b = Graph(out var x);
        var a = Unary(b, "Relu", x, "a");
        var left = Unary(b, "Relu", a, "left");
        var right = Unary(b, "Sigmoid", a, "right");
        b.Node("Add", new[] { left, right }, new[] { "sum" });
        Declare(b, "sum");
        b.Output("sum");

        Assert.That(Peak(b), Is.EqualTo(48));
    }

    [Test]
    public void Skip_connection_keeps_its_source_alive_until_the_add()
    {
        var b = Graph(out var x);
        var a = Unary(b, "Relu", x, "a");
        var h1 = Unary(b, "Relu", a, "h1");
        var h2 = Unary(b, "Relu", h1, "h2");
        b.Node("Add", new[] { h2, a }, new[] { "out" });
        Declare(b, "out");
        b.Output("out");

        Assert.That(Peak(b), Is.EqualTo(48));
    }

    [Test]
    public void A_reshape_shares_its_input_buffer()
    {
        var b = Graph(out var x);
        var a = Unary(b, "Relu", x, "a");
        b.Int64s("shape", 2, 2);
        b.Node("Reshape", new[] { a, "shape" }, new[] { "r" });
        b.Graph.ValueInfo.Add(Builder.ValueInfo("r", ElementType.Float, new object[] { 2, 2 }));
        b.Node("Relu", new[] { "r" }, new[] { "out" });
        b.Graph.ValueInfo.Add(Builder.ValueInfo("out", ElementType.Float, new object[] { 2, 2 }));
        b.Output("out");

        Assert.That(Peak(b), Is.EqualTo(32));
    }

    [Test]
    public void Graph_outputs_stay_alive_to_the_end()
    {
        var b = Graph(out var x);
        var early = Unary(b, "Relu", x, "early");
        var h1 = Unary(b, "Relu", x, "h1");
        var h2 = Unary(b, "Relu", h1, "h2");
        b.Output(early);
        b.Output(h2);

        // early lives throughout: with h1 and h2 at the last step.
        Assert.That(Peak(b), Is.EqualTo(48));
    }

    private static Builder Graph(out string x)
    {
        var b = new Builder();
        x = b.Input("x", ElementType.Float, 1, 4);
        return b;
    }

    private static string Unary(Builder b, string op, string input, string output)
    {
        b.Node(op, new[] { input }, new[] { output });
        Declare(b, output);
        return output;
    }

    private static void Declare(Builder b, string name) =>
        b.Graph.ValueInfo.Add(Builder.ValueInfo(name, ElementType.Float, new object[] { 1, 4 }));

    private static long Peak(Builder b)
    {
        var model = b.Load();
        return ActivationLiveness.PeakBytes(model.Graph, ShapeInference.Run(model, ShapeBindings.None));
    }
}

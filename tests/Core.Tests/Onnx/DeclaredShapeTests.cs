using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Onnx.Wire;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Onnx;

/// <summary>Shapes declared on inputs, outputs and value_info: ONNX dims are never negative.</summary>
public sealed class DeclaredShapeTests
{
    [TestCase("input")]
    [TestCase("output")]
    [TestCase("value_info")]
    public void A_negative_dim_value_is_refused_naming_the_tensor(string kind)
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        b.Node("Relu", new[] { x }, new[] { "r" });
        b.Node("Relu", new[] { "r" }, new[] { "y" });
        b.Output("y", ElementType.Float, 1, 4);
        var bad = Builder.ValueInfo(kind == "value_info" ? "r" : kind == "input" ? "x" : "y", ElementType.Float, new object[] { 1L, -3L });
        var list = kind switch { "input" => b.Graph.Input, "output" => b.Graph.Output, _ => b.Graph.ValueInfo };
        list.Clear();
        list.Add(bad);

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InvalidTensor));
            Assert.That(error.Message, Does.Contain($"{kind} '{bad.Name}' of graph 'model' declares dim 1 as -3"));
            Assert.That(error.Location!.Element, Is.EqualTo($"{kind} '{bad.Name}'"));
        });
    }

    [Test]
    public void A_negative_dim_inside_a_subgraph_is_refused_too()
    {
        var branch = new Builder("then");
        branch.Node("Relu", new[] { "x" }, new[] { "t" });
        branch.Graph.Output.Add(Builder.ValueInfo("t", ElementType.Float, new object[] { -1L }));
        var b = new Builder();
        b.Input("x", ElementType.Float, 4);
        var c = b.Input("c", ElementType.Bool);
        b.Node("If", new[] { c }, new[] { "y" }, ("then_branch", branch.Graph), ("else_branch", branch.Graph.Clone()));
        b.Output("y");

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;

        Assert.That(error.Message, Does.Contain("output 't' of graph 'then' declares dim 0 as -1"));
    }
}

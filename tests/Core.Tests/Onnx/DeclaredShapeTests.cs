using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;
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

    [Test]
    public void A_declared_shape_of_more_dims_than_the_engine_takes_is_refused()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, Enumerable.Repeat((object)1L, 1_000_000).ToArray());
        b.Output(b.Op("Relu", new[] { x }));

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.TooManyDims));
            Assert.That(error.Message, Does.Contain("input 'x' of graph 'model' declares 1000000 dims; the engine takes at most 64"));
        });
    }

    [Test]
    public void A_tensor_of_more_dims_than_the_engine_takes_is_refused()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1);
        var tensor = new TensorProto { Name = "w", DataType = (int)ElementType.Float };
        tensor.Dims.AddRange(Enumerable.Repeat(1L, 65));
        tensor.FloatData.Add(1);
        b.Graph.Initializer.Add(tensor);
        b.Output(b.Op("Add", new[] { x, "w" }));

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;

        Assert.That(error.Message, Does.Contain("tensor 'w' has 65 dims; the engine takes at most 64"));
    }

    [Test]
    public void An_operator_that_makes_more_dims_than_the_engine_takes_is_refused_naming_the_node()
    {
        var b = new Builder(opset: 11);
        var x = b.Input("x", ElementType.Float, 2);
        b.Node("Unsqueeze", new[] { x }, new[] { "y" }, ("axes", Enumerable.Range(0, 100).Select(i => (long)i).ToArray()));
        b.Output("y");

        var error = Assert.Throws<EfficiencyException>(() => EfficiencyMisnomer.CostModel.StaticAnalyzer.Analyze(b.Load()))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.TooManyDims));
            Assert.That(error.Message, Does.Contain("node 'Unsqueeze_0' (Unsqueeze) gives output 0 101 dims"));
        });
    }

    [TestCase(-2L, "EM1104", "negative dimension -2")]
    [TestCase(1L << 62, "EM1203", "overflows 64 bits")]
    public void Sparse_initializer_dims_are_checked_like_any_tensor(long dim, string code, string message)
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 4);
        var sparse = new SparseTensorProto { Values = new TensorProto { Name = "s", DataType = (int)ElementType.Float, Dims = { 1 }, FloatData = { 1 } } };
        sparse.Indices = new TensorProto { DataType = (int)ElementType.Int64, Dims = { 1 }, Int64Data = { 0 } };
        sparse.Dims.AddRange(new[] { dim, 1L << 62 });
        b.Graph.SparseInitializer.Add(sparse);
        b.Output(b.Op("Add", new[] { x, "s" }));

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(code));
            Assert.That(error.Message, Does.Contain("tensor 's'").And.Contain(message));
        });
    }
}

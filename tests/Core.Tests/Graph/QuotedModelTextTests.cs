using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Graph;

/// <summary>Names, operator types and symbols from a model reach messages escaped and cut (UserText.Quote): a model cannot flood or forge a log.</summary>
public sealed class QuotedModelTextTests
{
    private const string Forged = "x\n::error file=a.cs::forged\u001b[31m";

    [Test]
    public void A_ten_megabyte_operator_type_is_cut_in_the_unknown_operator_warning()
    {
        var opType = "Op" + new string('z', 10 * 1024 * 1024);
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        b.Node(opType, new[] { x }, new[] { "y" });
        b.Output("y");

        var report = StaticAnalyzer.Analyze(b.Load());

        var warning = report.Diagnostics.Single(d => d.Code == ErrorCodes.UnknownOperator);
        Assert.Multiple(() =>
        {
            Assert.That(warning.Message, Has.Length.LessThan(1000));
            Assert.That(warning.Message, Does.Contain("more characters)"));
        });
    }

    [Test]
    public void Control_characters_in_node_names_are_escaped_in_errors()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        b.Node("Add", new[] { x, "ghost" }, new[] { "y" });
        b.Graph.Node[0].Name = Forged;
        b.Output("y");

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.DanglingInput));
            Assert.That(error.Message, Does.Not.Contain("\n").And.Not.Contain("\u001b"));
            Assert.That(error.Message, Does.Contain("node 'x\\n::error file=a.cs::forged\\u001b[31m' (Add)"));
        });
    }

    [Test]
    public void A_huge_node_name_is_cut_in_a_shape_error()
    {
        var name = new string('n', 1_000_000);
        var b = new Builder();
        var a = b.Input("a", ElementType.Float, 2, 3);
        var c = b.Input("c", ElementType.Float, 4, 5);
        b.Node("MatMul", new[] { a, c }, new[] { "y" });
        b.Graph.Node[0].Name = name;
        b.Output("y");

        var error = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(b.Load()))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.ShapeMismatch));
            Assert.That(error.Message, Has.Length.LessThan(1000));
            Assert.That(error.Location!.Element!, Has.Length.LessThan(300));
        });
    }

    [Test]
    public void A_dim_param_with_a_newline_is_escaped_in_the_unbound_symbol_warning()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, Forged, 4);
        b.Output(b.Op("Relu", new[] { x }));

        var report = StaticAnalyzer.Analyze(b.Load());

        var warning = report.Diagnostics.Single(d => d.Code == ErrorCodes.UnboundSymbolicDim);
        Assert.That(warning.Message, Does.Not.Contain("\n").And.Not.Contain("\u001b"));
    }

    [Test]
    public void A_shape_of_a_million_dims_prints_its_first_dims_and_its_rank()
    {
        var shape = TensorShape.Of(Enumerable.Repeat(1L, 1_000_000).ToArray());

        Assert.That(shape.ToString(), Is.EqualTo("[" + string.Join("x", Enumerable.Repeat("1", TensorShape.MaxDimsShown)) + "x… (1000000 dims)]"));
    }

    [Test]
    public void An_external_data_location_with_control_characters_is_escaped()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        var tensor = new TensorProto { Name = "w", DataType = (int)ElementType.Float, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.Dims.Add(4);
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "/etc/" + Forged });
        b.Graph.Initializer.Add(tensor);
        b.Output(b.Op("Add", new[] { x, "w" }));

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.ExternalDataOutsideModelFolder));
            Assert.That(error.Message, Does.Not.Contain("\n").And.Not.Contain("\u001b"));
        });
    }
}

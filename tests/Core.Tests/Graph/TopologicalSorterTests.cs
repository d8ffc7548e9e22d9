using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Graph;

public sealed class TopologicalSorterTests
{
    [Test]
    public void Nodes_stored_out_of_order_are_sorted_after_their_producers()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        b.Node("Relu", new[] { "a" }, new[] { "c" });
        b.Node("Sigmoid", new[] { "b" }, new[] { "d" });
        b.Node("Abs", new[] { x }, new[] { "a" });
        b.Node("Neg", new[] { "a" }, new[] { "b" });
        b.Output("c");
        b.Output("d");

        var order = b.Load().Graph.Nodes.Select(n => n.OpType);

        Assert.That(order, Is.EqualTo(new[] { "Abs", "Relu", "Neg", "Sigmoid" }));
    }

    [Test]
    public void A_graph_already_in_order_keeps_its_order()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        var left = b.Op("Relu", new[] { x });
        var right = b.Op("Sigmoid", new[] { x });
        b.Output(b.Op("Add", new[] { left, right }));

        var order = b.Load().Graph.Nodes.Select(n => n.OpType);

        Assert.That(order, Is.EqualTo(new[] { "Relu", "Sigmoid", "Add" }));
    }

    [Test]
    public void A_subgraph_reading_an_outer_value_orders_its_owner_after_the_producer()
    {
        var branch = new Builder("then");
        branch.Node("Relu", new[] { "late" }, new[] { "then_out" });
        branch.Output("then_out");
        var other = new Builder("else");
        other.Node("Identity", new[] { "late" }, new[] { "else_out" });
        other.Output("else_out");

        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        var condition = b.Input("cond", ElementType.Bool);
        b.Node("If", new[] { condition }, new[] { "y" }, ("then_branch", branch.Graph), ("else_branch", other.Graph));
        b.Node("Abs", new[] { x }, new[] { "late" });
        b.Output("y");

        var model = b.Load();

        Assert.Multiple(() =>
        {
            Assert.That(model.Graph.Nodes.Select(n => n.OpType), Is.EqualTo(new[] { "Abs", "If" }));
            Assert.That(model.Graph.Nodes[1].Subgraphs.Keys, Is.EquivalentTo(new[] { "then_branch", "else_branch" }));
            Assert.That(model.Graph.Nodes[1].Subgraphs["then_branch"].Parent, Is.SameAs(model.Graph));
        });
    }

    [Test]
    public void A_subgraph_reading_a_value_defined_nowhere_names_the_inner_node()
    {
        var branch = new Builder("then");
        branch.Node("Relu", new[] { "nowhere" }, new[] { "then_out" });
        branch.Output("then_out");

        var b = new Builder();
        var condition = b.Input("cond", ElementType.Bool);
        b.Node("If", new[] { condition }, new[] { "y" }, ("then_branch", branch.Graph), ("else_branch", branch.Graph.Clone()));
        b.Output("y");

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.DanglingInput));
            Assert.That(error.Message, Does.Contain("node 'Relu_0' (Relu) in then (the then_branch of If node 'If_0') reads 'nowhere'"));
        });
    }

    [Test]
    public void A_loop_body_reading_an_unknown_outer_value_names_the_inner_node_and_the_loop()
    {
        var inner = new Builder("step");
        inner.Input("i", ElementType.Int64);
        var keepGoing = inner.Input("c", ElementType.Bool);
        var state = inner.Input("h", ElementType.Float, 1, 4);
        inner.Node("Identity", new[] { keepGoing }, new[] { "c_out" });
        inner.Node("Add", new[] { state, "undefined_weight" }, new[] { "h_out" });
        inner.Output("c_out", ElementType.Bool);
        inner.Output("h_out");

        var b = new Builder();
        var h0 = b.Input("h0", ElementType.Float, 1, 4);
        var trips = b.Int64s("trips", Array.Empty<long>(), new long[] { 3 });
        b.Node("Loop", new[] { trips, "", h0 }, new[] { "h" }, ("body", inner.Graph));
        b.Output("h");

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.DanglingInput));
            Assert.That(error.Message, Does.Contain("node 'Add_1' (Add) in step (the body of Loop node 'Loop_0') reads 'undefined_weight'"));
            Assert.That(error.Message, Does.Contain("enclosing graph"));
        });
    }

    [Test]
    public void A_value_produced_twice_is_refused()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        b.Node("Relu", new[] { x }, new[] { "y" });
        b.Node("Abs", new[] { x }, new[] { "y" });
        b.Output("y");

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.DuplicateOutput));
            Assert.That(error.Message, Does.Contain("value 'y' is produced twice: by node 'Relu_0' and by node 'Abs_1'"));
        });
    }

    [Test]
    public void A_graph_output_nothing_produces_is_refused()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        b.Op("Relu", new[] { x });
        b.Output("missing");

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;
        Assert.That(error.Code, Is.EqualTo(ErrorCodes.DanglingInput));
    }
}

using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel;

public sealed class ControlFlowCostTests
{
    /// <summary>MACs of the Loop body of <see cref="ControlFlowBodies.LoopBody"/> at width 4: [1x4] · [4x4].</summary>
    private const long StepMacs = 16;

    [Test]
    public void If_with_a_constant_condition_costs_the_taken_branch_and_names_it()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        b.Output(b.If(b.Bool("cond", false),
            ControlFlowBodies.Branch("then", "MatMul", x, b.Weight("wide", 4, 8)),
            ControlFlowBodies.Branch("else", "MatMul", x, b.Weight("narrow", 4, 2))));

        var report = StaticAnalyzer.Analyze(b.Load());

        var info = report.Diagnostics.Single(d => d.Code == ErrorCodes.BranchCosted);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(8));
            Assert.That(report.Count("flops"), Is.EqualTo(16));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Nodes.Single(n => n.OpType == "If").Branch, Is.EqualTo("else_branch (constant condition)"));
            Assert.That(report.Nodes.Where(n => n.Graph == "then"), Is.Empty, "the branch that never runs is neither typed nor costed");
            Assert.That(report.Nodes.Single(n => n.Graph == "else").Repeats, Is.EqualTo(1));
            Assert.That(info.Severity, Is.EqualTo(DiagnosticSeverity.Info));
            Assert.That(info.Message, Does.Contain("If node 'If_1'").And.Contain("constant false").And.Contain("else_branch is costed"));
        });
    }

    [TestCase(true, 32L, "then_branch (costlier)")]
    [TestCase(false, 32L, "else_branch (costlier)")]
    public void If_with_a_runtime_condition_costs_the_costlier_branch(bool wideThen, long macs, string branch)
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        var wide = ControlFlowBodies.Branch("wide", "MatMul", x, b.Weight("w8", 4, 8));
        var narrow = ControlFlowBodies.Branch("narrow", "MatMul", x, b.Weight("w2", 4, 2));
        b.Output(b.If(b.Input("cond", ElementType.Bool), wideThen ? wide : narrow, wideThen ? narrow : wide));

        var report = StaticAnalyzer.Analyze(b.Load());

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(macs));
            Assert.That(report.Nodes.Single(n => n.OpType == "If").Branch, Is.EqualTo(branch));
            Assert.That(report.Nodes.Single(n => n.Graph == "narrow").Repeats, Is.Zero);
            Assert.That(report.Diagnostics.Single(d => d.Code == ErrorCodes.BranchCosted).Message,
                Does.Contain("known only at run time").And.Contain("64 FLOPs, 32 MACs").And.Contain("16 FLOPs, 8 MACs"));
            Assert.That(StaticReportJson.Write(report, perNode: true), Does.Contain($"\"branch\": \"{branch}\""));
        });
    }

    [Test]
    public void A_runtime_condition_on_a_small_input_advises_declaring_its_value()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        b.Output(b.If(b.Input("cond", ElementType.Bool),
            ControlFlowBodies.Branch("wide", "MatMul", x, b.Weight("w8", 4, 8)),
            ControlFlowBodies.Branch("narrow", "MatMul", x, b.Weight("w2", 4, 2))));

        var message = StaticAnalyzer.Analyze(b.Load()).Diagnostics.Single(d => d.Code == ErrorCodes.BranchCosted).Message;

        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain("computed at run time from input(s) 'cond'").And.Contain("inputs: { cond: { value: ... } }"));
            Assert.That(message, Does.EndWith("in the spec.").And.Not.EndWith(".."));
        });
    }

    [Test]
    public void A_runtime_condition_on_the_content_of_an_image_says_only_a_run_decides_it()
    {
        // A detector's "anything found?" test: the condition reads the pixels, which no spec can declare.
        var b = new Builder();
        var image = b.Input("image", ElementType.Float, 1, 3, 64, 64);
        var mean = b.Op("ReduceMean", new[] { image }, ("keepdims", 0L));
        var found = b.Op("Greater", new[] { mean, b.Floats("zero", Array.Empty<long>(), new[] { 0f }) });
        var x = b.Input("x", ElementType.Float, 1, 4);
        b.Output(b.If(found,
            ControlFlowBodies.Branch("wide", "MatMul", x, b.Weight("w8", 4, 8)),
            ControlFlowBodies.Branch("narrow", "MatMul", x, b.Weight("w2", 4, 2))));

        var report = StaticAnalyzer.Analyze(b.Load());

        var message = report.Diagnostics.Single(d => d.Code == ErrorCodes.BranchCosted).Message;
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(32), "the costlier branch, an upper bound");
            Assert.That(message, Does.Contain("depends on the content of 'image' (12,288 elements)").And.Contain("only a run decides it"));
            Assert.That(message, Does.Not.Contain("value: ..."), "declaring the pixels is not advice anyone can follow");
            Assert.That(message, Does.EndWith("nothing in the spec can.").And.Not.EndWith(".."));
        });
    }

    [Test]
    public void Parameters_inside_if_branches_are_counted_whichever_branch_is_costed()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        var then = new Builder("then");
        then.Node("MatMul", new[] { x, then.Weight("then_w", 4, 8) }, new[] { "then_out" });
        then.Output("then_out");
        var otherwise = new Builder("else");
        otherwise.Node("MatMul", new[] { x, otherwise.Weight("else_w", 4, 2) }, new[] { "else_out" });
        otherwise.Output("else_out");
        b.Output(b.If(b.Bool("cond", true), then, otherwise));

        var report = StaticAnalyzer.Analyze(b.Load());

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("params"), Is.EqualTo(32 + 8));
            Assert.That(report.Count("param_uses"), Is.EqualTo(32 + 8));
            Assert.That(report.Count("macs"), Is.EqualTo(32));
        });
    }

    [Test]
    public void Loop_with_a_known_trip_count_costs_every_iteration_and_its_weight_once()
    {
        var b = new Builder();
        var body = ControlFlowBodies.LoopBody("body", b.Weight("w", 4, 4), 4);
        b.Node("Loop", new[] { b.Scalar("trips", 5), "", b.Input("h0", ElementType.Float, 1, 4) }, new[] { "h" }, ("body", body.Graph));
        b.Output("h");

        var report = StaticAnalyzer.Analyze(b.Load());

        const long stepBytes = (4 + 16 + 4) * 4, flops = 5 * 2 * StepMacs, weightBytes = 16 * 4;
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(5 * StepMacs));
            Assert.That(report.Count("flops"), Is.EqualTo(flops));
            Assert.That(report.Count("activations"), Is.EqualTo(5 * 4));
            Assert.That(report.Count("activations_all"), Is.EqualTo(5 * 4));
            Assert.That(report.Count("memory_access"), Is.EqualTo(5 * stepBytes));
            Assert.That(report.Count("params"), Is.EqualTo(16));
            Assert.That(report.Count("param_uses"), Is.EqualTo(16), "a body weight is used by one node, however many iterations");
            Assert.That(report.Count("depth"), Is.EqualTo(5));
            Assert.That(report.Count("training_flops"), Is.EqualTo(3 * flops));
            Assert.That(report.Count("training_memory"), Is.EqualTo((4 * weightBytes) + (5 * 4 * 4)));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Nodes.Single(n => n.OpType == "MatMul").Repeats, Is.EqualTo(5));
            Assert.That(report.Nodes.Single(n => n.OpType == "MatMul").Macs, Is.EqualTo(StepMacs), "per-node costs are for one run");
            Assert.That(StaticReportJson.Write(report, perNode: true), Does.Contain("\"repeats\": 5"));
            Assert.That(StaticReportText.Markdown(report, perNode: true), Does.Contain("| repeats |").And.Contain("| float[1x4] | 5 | 16 |"));
            Assert.That(report.Diagnostics.Select(d => d.Code), Does.Not.Contain(ErrorCodes.IterationCountUnknown));
        });
    }

    [Test]
    public void Loop_with_an_unknown_trip_count_costs_one_iteration_and_names_the_node()
    {
        var b = new Builder();
        var body = ControlFlowBodies.LoopBody("body", b.Weight("w", 4, 4), 4);
        b.Node("Loop", new[] { b.Input("m", ElementType.Int64), "", b.Input("h0", ElementType.Float, 1, 4) }, new[] { "h" }, ("body", body.Graph));
        b.Output("h");

        var report = StaticAnalyzer.Analyze(b.Load());

        var warning = report.Diagnostics.Single(d => d.Code == ErrorCodes.IterationCountUnknown);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(StepMacs));
            Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(warning.Message, Does.Contain("Loop node 'Loop_0'").And.Contain("costed for 1 iteration, the bound used"));
            Assert.That(warning.Location!.Element, Is.EqualTo("node 'Loop_0'"));
        });
    }

    [Test]
    public void Loop_scan_outputs_are_stacked_by_the_trip_count_for_their_consumers()
    {
        var b = new Builder();
        var body = ControlFlowBodies.LoopBody("body", b.Weight("w", 4, 4), 4, scanOutput: true);
        b.Node("Loop", new[] { b.Scalar("trips", 5), "", b.Input("h0", ElementType.Float, 1, 4) }, new[] { "h", "ys" }, ("body", body.Graph));
        b.Output(b.Op("ReduceSum", new[] { "ys" }));

        var report = StaticAnalyzer.Analyze(b.Load());

        Assert.Multiple(() =>
        {
            Assert.That(report.Nodes.Single(n => n.OpType == "Loop").OutputShapes, Does.Contain("float[5x1x4]"));
            Assert.That(report.Nodes.Single(n => n.OpType == "ReduceSum").Flops, Is.EqualTo(5 * 4));
            Assert.That(report.Count("flops"), Is.EqualTo((5 * 2 * StepMacs) + (5 * 4) + (5 * 4)));
        });
    }

    [Test]
    public void Scan_costs_its_body_once_per_step()
    {
        var b = new Builder();
        var body = ScanBody(b.Weight("w", 3, 4));
        b.Node("Scan", new[] { b.Input("s0", ElementType.Float, 4), b.Input("xs", ElementType.Float, 6, 3) }, new[] { "s", "ys" },
            ("body", body.Graph), ("num_scan_inputs", 1L));
        b.Output("ys");

        var report = StaticAnalyzer.Analyze(b.Load());

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(6 * 12));
            Assert.That(report.Count("flops"), Is.EqualTo(6 * ((2 * 12) + 4 + 4)));
            Assert.That(report.Count("depth"), Is.EqualTo(6 * 3));
            Assert.That(report.Nodes.Where(n => n.Graph == "cell").Select(n => n.Repeats), Is.All.EqualTo(6));
        });
    }

    [Test]
    public void Scan_over_a_sequence_of_run_time_length_costs_one_step_and_names_the_node()
    {
        var b = new Builder();
        var body = ScanBody(b.Weight("w", 2, 4));
        var found = b.Op("NonZero", new[] { b.Input("mask", ElementType.Bool, 3, 5) });
        var points = b.Op("Cast", new[] { b.Op("Transpose", new[] { found }) }, ("to", (long)ElementType.Float));
        b.Node("Scan", new[] { b.Input("s0", ElementType.Float, 4), points }, new[] { "s", "ys" }, ("body", body.Graph), ("num_scan_inputs", 1L));
        b.Output("ys");

        var report = StaticAnalyzer.Analyze(b.Load());

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(8));
            Assert.That(report.Diagnostics.Single(d => d.Code == ErrorCodes.IterationCountUnknown).Message,
                Does.Contain("Scan node 'Scan_3'").And.Contain("costed for 1 step, the bound used"));
        });
    }

    [Test]
    public void Opset_8_scan_runs_its_body_per_batch_element_and_step_but_steps_only_add_depth()
    {
        var b = new Builder(opset: 8);
        var body = ScanBody(b.Weight("w", 3, 4));
        b.Node("Scan", new[] { "", b.Input("s0", ElementType.Float, 2, 4), b.Input("xs", ElementType.Float, 2, 6, 3) }, new[] { "s", "ys" },
            ("body", body.Graph), ("num_scan_inputs", 1L));
        b.Output("ys");

        var report = StaticAnalyzer.Analyze(b.Load());

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(2 * 6 * 12));
            Assert.That(report.Count("depth"), Is.EqualTo(6 * 3));
        });
    }

    [Test]
    public void Nested_loops_multiply_their_trip_counts()
    {
        var b = new Builder();
        var inner = ControlFlowBodies.LoopBody("inner", b.Weight("w", 4, 4), 4);
        var outer = new Builder("outer");
        outer.Input("outer_i", ElementType.Int64);
        var condition = outer.Input("outer_c", ElementType.Bool);
        var h = outer.Input("outer_h", ElementType.Float, "rows", 4);
        outer.Node("Identity", new[] { condition }, new[] { "outer_c_out" });
        outer.Node("Loop", new[] { "inner_trips", "", h }, new[] { "outer_h_out" }, ("body", inner.Graph));
        outer.Output("outer_c_out", ElementType.Bool);
        outer.Output("outer_h_out");
        b.Scalar("inner_trips", 4);
        b.Node("Loop", new[] { b.Scalar("outer_trips", 3), "", b.Input("h0", ElementType.Float, 1, 4) }, new[] { "h" }, ("body", outer.Graph));
        b.Output("h");

        var report = StaticAnalyzer.Analyze(b.Load());

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(3 * 4 * StepMacs));
            Assert.That(report.Count("depth"), Is.EqualTo(3 * 4));
            Assert.That(report.Nodes.Single(n => n.OpType == "MatMul").Repeats, Is.EqualTo(12));
            Assert.That(report.Nodes.Where(n => n.OpType == "Loop").Select(n => n.Repeats), Is.EqualTo(new[] { 1L, 3L }));
        });
    }

    [Test]
    public void Nested_trip_counts_beyond_64_bits_are_a_coded_error()
    {
        var b = new Builder();
        var inner = ControlFlowBodies.LoopBody("inner", b.Weight("w", 4, 4), 4);
        var outer = new Builder("outer");
        outer.Input("outer_i", ElementType.Int64);
        outer.Node("Identity", new[] { outer.Input("outer_c", ElementType.Bool) }, new[] { "outer_c_out" });
        outer.Node("Loop", new[] { "huge", "", outer.Input("outer_h", ElementType.Float, 1, 4) }, new[] { "outer_h_out" }, ("body", inner.Graph));
        outer.Output("outer_c_out", ElementType.Bool);
        outer.Output("outer_h_out");
        b.Scalar("huge", 1L << 40);
        b.Node("Loop", new[] { "huge", "", b.Input("h0", ElementType.Float, 1, 4) }, new[] { "h" }, ("body", outer.Graph));
        b.Output("h");
        var model = b.Load();

        var error = Assert.Throws<EfficiencyMisnomer.Diagnostics.EfficiencyException>(() => StaticAnalyzer.Analyze(model))!;

        Assert.That(error.Code, Is.EqualTo(ErrorCodes.CountOverflow));
    }

    [Test]
    public void A_loop_in_the_branch_not_costed_adds_nothing()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        var body = ControlFlowBodies.LoopBody("body", b.Weight("w", 4, 4), 4);
        var then = new Builder("then");
        then.Node("Loop", new[] { "trips", "", x }, new[] { "then_out" }, ("body", body.Graph));
        then.Output("then_out");
        b.Scalar("trips", 5);
        b.Output(b.If(b.Bool("cond", false), then, ControlFlowBodies.Branch("else", "Relu", x)));

        var report = StaticAnalyzer.Analyze(b.Load());

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Count("flops"), Is.EqualTo(4));
            Assert.That(report.Nodes.Where(n => n.OpType == "MatMul"), Is.Empty, "the Loop's body is in the branch that never runs");
        });
    }

    /// <summary>A Scan body: <c>s ← s + x_t · w</c> (12 MACs, 4 FLOPs), emitting <c>Relu(s)</c> (4 FLOPs); depth 3.</summary>
    private static Builder ScanBody(string weight)
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
}

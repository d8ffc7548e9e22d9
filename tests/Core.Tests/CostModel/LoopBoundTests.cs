using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel;

/// <summary>
/// How many iterations a Loop is costed for, and what it says when that is not exact: never a silent 1. Unknown counts
/// cost 1 iteration with warning EM1207 (lower bounds), a run-time condition costs M iterations with warning EM1208
/// (upper bounds), and a count whose costs exceed 2^63 is EM1302 naming the Loop.
/// </summary>
public sealed class LoopBoundTests
{
    private const long StepMacs = 16;

    [Test]
    public void The_no_limit_trip_count_costs_one_iteration_and_says_so_naming_node_and_bound()
    {
        var report = Analyze(b => b.Scalar("m", long.MaxValue), condition: null, BodyCondition.PassThrough);

        var warning = report.Diagnostics.Single(d => d.Code == ErrorCodes.IterationCountUnknown);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(StepMacs));
            Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(warning.Message, Does.StartWith("Loop node 'loop': its maximum trip count M is 9223372036854775807 (2^63 − 1, exporters' \"no limit\")"));
            Assert.That(warning.Message, Does.Contain("its body is costed for 1 iteration, the bound used, so the totals are lower bounds"));
            Assert.That(warning.Location!.Element, Is.EqualTo("node 'loop'"));
        });
    }

    [Test]
    public void A_trip_count_whose_costs_exceed_64_bits_is_an_error_naming_the_loop()
    {
        var model = Model(b => b.Scalar("m", 1L << 62), condition: null, BodyCondition.PassThrough);

        var error = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(model))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.CountOverflow));
            Assert.That(error.Message, Does.StartWith("Loop node 'loop' runs its body 4611686018427387904 times (its trip count): its body's costs or depth times that exceed 2^63"));
            Assert.That(error.Location!.Element, Is.EqualTo("node 'loop'"));
        });
    }

    [Test]
    public void A_huge_trip_count_of_a_body_without_cost_is_counted_exactly()
    {
        var report = Analyze(b => b.Scalar("m", 1L << 62), condition: null, BodyCondition.PassThrough, identityBody: true);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.Zero);
            Assert.That(report.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), Is.Empty);
        });
    }

    [Test]
    public void A_condition_computed_at_run_time_costs_every_iteration_up_to_m_and_says_the_totals_are_upper_bounds()
    {
        var report = Analyze(b => b.Scalar("m", 10), condition: b => b.Bool("go", true), BodyCondition.RunTime);

        var warning = report.Diagnostics.Single(d => d.Code == ErrorCodes.IterationCountAtMost);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(10 * StepMacs));
            Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(warning.Message, Does.StartWith("Loop node 'loop': its condition is computed at run time and may end it before its maximum trip count M"));
            Assert.That(warning.Message, Does.Contain("costed for M = 10 iterations, the bound used, so the totals are upper bounds"));
        });
    }

    [Test]
    public void An_initial_condition_known_only_at_run_time_makes_m_an_upper_bound()
    {
        var report = Analyze(b => b.Scalar("m", 10), condition: b => b.Input("go", ElementType.Bool), BodyCondition.PassThrough);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(10 * StepMacs));
            Assert.That(report.Diagnostics.Select(d => d.Code), Does.Contain(ErrorCodes.IterationCountAtMost));
        });
    }

    [Test]
    public void A_constant_true_condition_passed_through_unchanged_runs_exactly_m_times()
    {
        var report = Analyze(b => b.Scalar("m", 10), condition: b => b.Bool("go", true), BodyCondition.PassThrough);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(10 * StepMacs));
            Assert.That(report.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), Is.Empty);
        });
    }

    [Test]
    public void A_body_condition_constant_false_stops_after_one_iteration()
    {
        var report = Analyze(b => b.Scalar("m", 10), condition: b => b.Bool("go", true), BodyCondition.False);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(StepMacs));
            Assert.That(report.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), Is.Empty);
        });
    }

    [Test]
    public void Without_a_condition_input_the_body_condition_is_ignored_as_in_a_for_loop()
    {
        var report = Analyze(b => b.Scalar("m", 10), condition: null, BodyCondition.False);

        Assert.That(report.Count("macs"), Is.EqualTo(10 * StepMacs));
    }

    [Test]
    public void No_bound_at_all_with_a_run_time_condition_is_unknown()
    {
        var report = Analyze(b => b.Scalar("m", long.MaxValue), condition: b => b.Bool("go", true), BodyCondition.RunTime);

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(StepMacs));
            Assert.That(report.Diagnostics.Single(d => d.Code == ErrorCodes.IterationCountUnknown).Message, Does.Contain("1 iteration, the bound used"));
        });
    }

    private enum BodyCondition
    {
        PassThrough,
        RunTime,
        False,
    }

    private static StaticReport Analyze(Func<Builder, string> maxTrips, Func<Builder, string>? condition, BodyCondition body, bool identityBody = false) =>
        StaticAnalyzer.Analyze(Model(maxTrips, condition, body, identityBody));

    /// <summary>A Loop over h ← h · w (16 MACs an iteration) with the given M, condition input and body condition output.</summary>
    private static EfficiencyMisnomer.Graph.OnnxModel Model(Func<Builder, string> maxTrips, Func<Builder, string>? condition, BodyCondition body,
        bool identityBody = false)
    {
        var b = new Builder();
        var w = b.Weight("w", 4, 4);
        var loopBody = new Builder("body");
        loopBody.Input("i", ElementType.Int64);
        var c = loopBody.Input("c", ElementType.Bool);
        var h = loopBody.Input("h", ElementType.Float, 1, 4);
        switch (body)
        {
            case BodyCondition.PassThrough:
                loopBody.Node("Identity", new[] { c }, new[] { "c_out" });
                break;
            case BodyCondition.RunTime:
                loopBody.Node("Not", new[] { c }, new[] { "c_out" });
                break;
            default:
                loopBody.Bool("c_out", false);
                break;
        }

        loopBody.Node(identityBody ? "Identity" : "MatMul", identityBody ? new[] { h } : new[] { h, w }, new[] { "h_out" });
        loopBody.Output("c_out", ElementType.Bool);
        loopBody.Output("h_out");
        b.Node("Loop", new[] { maxTrips(b), condition?.Invoke(b) ?? "", b.Input("h0", ElementType.Float, 1, 4) }, new[] { "h_final" }, ("body", loopBody.Graph));
        b.Graph.Node[^1].Name = "loop";
        b.Output("h_final");
        return b.Load();
    }
}

using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Tests.Budgets;

/// <summary>Budgets against the bundled tiny CNN (24,458 params, 2,802,304 MACs at batch 1): pass, fail, min, severity, gate modes.</summary>
public sealed class BudgetEvaluatorTests
{
    private static readonly SourceLocation MaxAt = new("spec.yaml", 7, 18);
    private static readonly SourceLocation MinAt = new("spec.yaml", 7, 30);

    private static readonly Lazy<StaticReport> Report = new(() => StaticAnalyzer.Analyze(
        Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), ShapeBindings.Parse(new[] { "batch=1" })));

    [Test]
    public void Within_max_passes()
    {
        var verdict = Evaluate(Max(StaticIndicators.Macs, 3e6, "3M")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Status, Is.EqualTo(VerdictStatus.Pass));
            Assert.That(verdict.Measured, Is.EqualTo(2_802_304));
            Assert.That(verdict.Limit, Is.EqualTo(3e6));
            Assert.That(verdict.Bound, Is.EqualTo(BudgetBound.Max));
            Assert.That(verdict.Message, Is.EqualTo("model 'tiny': macs 2.8 M is within max 3 M"));
            Assert.That(BudgetEvaluator.Diagnose(verdict), Is.Null);
        });
    }

    [Test]
    public void Equal_to_max_passes() =>
        Assert.That(Evaluate(Max(StaticIndicators.Macs, 2_802_304, "2802304")).Single().Status, Is.EqualTo(VerdictStatus.Pass));

    [Test]
    public void Over_max_fails_with_an_error_at_the_limit()
    {
        var verdict = Evaluate(Max(StaticIndicators.Macs, 2e6, "2M")).Single();
        var diagnostic = BudgetEvaluator.Diagnose(verdict)!;
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Status, Is.EqualTo(VerdictStatus.Fail));
            Assert.That(verdict.Location, Is.EqualTo(MaxAt));
            Assert.That(diagnostic.ToString(), Is.EqualTo("spec.yaml(7,18): error EM2101: model 'tiny': macs 2.8 M exceeds max 2 M"));
        });
    }

    [Test]
    public void Under_min_fails()
    {
        var budget = new Budget(StaticIndicators.Params, null, new Limit(30_000, "30k", MinAt), BudgetSeverity.Error, MinAt);
        var verdict = Evaluate(budget).Single();
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Bound, Is.EqualTo(BudgetBound.Min));
            Assert.That(verdict.Status, Is.EqualTo(VerdictStatus.Fail));
            Assert.That(verdict.Message, Is.EqualTo("model 'tiny': params 24.46 K is below min 30 K"));
            Assert.That(verdict.Location, Is.EqualTo(MinAt));
        });
    }

    [Test]
    public void Min_and_max_give_one_verdict_each()
    {
        var budget = new Budget(StaticIndicators.Params, new Limit(20_000, "20k", MaxAt), new Limit(10_000, "10k", MinAt), BudgetSeverity.Error, MaxAt);
        var verdicts = Evaluate(budget);
        Assert.That(verdicts.Select(v => (v.Bound, v.Status)), Is.EqualTo(new[] { (BudgetBound.Max, VerdictStatus.Fail), (BudgetBound.Min, VerdictStatus.Pass) }));
        Assert.That(verdicts[1].Message, Is.EqualTo("model 'tiny': params 24.46 K meets min 10 K"));
    }

    [Test]
    public void Warning_severity_breach_warns_with_its_own_code()
    {
        var verdict = Evaluate(Max(StaticIndicators.Depth, 5, "5") with { Severity = BudgetSeverity.Warning }).Single();
        var diagnostic = BudgetEvaluator.Diagnose(verdict)!;
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Status, Is.EqualTo(VerdictStatus.Warning));
            Assert.That(diagnostic.ToString(), Is.EqualTo("spec.yaml(7,18): warning EM2102: model 'tiny': depth 11 exceeds max 5"));
        });
    }

    [Test]
    public void Warn_mode_turns_error_breaches_into_warnings()
    {
        var verdict = Evaluate(GateMode.Warn, Max(StaticIndicators.Macs, 2e6, "2M")).Single();
        var diagnostic = BudgetEvaluator.Diagnose(verdict)!;
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Status, Is.EqualTo(VerdictStatus.Warning));
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(diagnostic.Code, Is.EqualTo("EM2101"));
        });
    }

    [Test]
    public void Error_mode_keeps_warning_budgets_warnings() =>
        Assert.That(Evaluate(GateMode.Error, Max(StaticIndicators.Depth, 5, "5") with { Severity = BudgetSeverity.Warning }).Single().Status,
            Is.EqualTo(VerdictStatus.Warning));

    [Test]
    public void Off_mode_evaluates_nothing() =>
        Assert.That(Evaluate(GateMode.Off, Max(StaticIndicators.Macs, 1, "1")), Is.Empty);

    [Test]
    public void Ratio_indicators_compare_their_fraction()
    {
        var verdict = Evaluate(Max(StaticIndicators.ArithmeticIntensity, 5, "5")).Single();
        Assert.That(verdict.Message, Is.EqualTo("model 'tiny': arithmetic_intensity 7.16 exceeds max 5"));
    }

    [Test]
    public void Bytes_read_in_binary_prefixes()
    {
        var verdict = Evaluate(Max(StaticIndicators.MemoryAccess, 512 * 1024, "512 KiB")).Single();
        Assert.That(verdict.Message, Is.EqualTo("model 'tiny': memory_access 780.95 KiB exceeds max 512 KiB"));
    }

    private static Budget Max(Indicator indicator, double limit, string text) =>
        new(indicator, new Limit(limit, text, MaxAt), null, BudgetSeverity.Error, MaxAt);

    private static IReadOnlyList<BudgetVerdict> Evaluate(params Budget[] budgets) => Evaluate(GateMode.Error, budgets);

    private static IReadOnlyList<BudgetVerdict> Evaluate(GateMode mode, params Budget[] budgets) =>
        BudgetEvaluator.Evaluate("tiny", budgets, Report.Value, mode);
}

using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Disagreement;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Revisions;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Gates;

/// <summary>
/// The build-time gate: loads specs, analyses their models, evaluates every static budget and compares the static
/// indicators with the spec's baseline (read only: the gate never writes one). Never throws for bad input: broken specs and models become coded diagnostics with locations.
/// </summary>
public static class StaticGate
{
    private const string CannotAnalyse = "model '{0}' cannot be analysed: {1}: {2}";
    /// <summary>The loader's message is quoted whole unless a hostile model makes it long.</summary>
    private const int ModelMessageLength = 1000;

    private const string DuplicateSpecName = "spec name '{0}' is also used by '{1}'; give each spec its own name";

    public static GateResult Check(IEnumerable<string> specPaths, GateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(specPaths);
        options ??= new GateOptions();
        if (options.Revisions is not null)
        {
            return Check(specPaths, options, options.Revisions);
        }

        // The base files extracted for this check are needed only while it runs.
        using var revisions = new BaseRevisions();
        return Check(specPaths, options, revisions);
    }

    private static GateResult Check(IEnumerable<string> specPaths, GateOptions options, BaseRevisions revisions)
    {
        var mode = options.Mode;
        var diagnostics = new List<Diagnostic>();
        var models = new List<ModelVerdicts>();
        var inputs = new List<string>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var specs = new List<Spec>();
        var disagreements = new List<DisagreementGateResult>();
        var results = new List<SpecResults>();
        var benchmarks = new List<BenchmarkVerdicts>();
        var benchmarkProblems = new List<BenchmarkProblem>();
        var baselines = new Dictionary<string, Baseline?>(StringComparer.Ordinal);
        foreach (var path in specPaths)
        {
            AddInput(inputs, path);
            var load = SpecLoader.Load(path);
            diagnostics.AddRange(load.Diagnostics);
            if (load.Spec is not { } spec)
            {
                continue;
            }

            if (names.TryGetValue(spec.Name.Value, out var other))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.SpecDuplicateName, UserText.Format(DuplicateSpecName, UserText.Quote(spec.Name.Value), UserText.Quote(other)), spec.Name.Location));
                continue;
            }

            names[spec.Name.Value] = path;
            specs.Add(spec);
            var compare = options.CompareBaselines && mode != GateMode.Off;
            var (revision, againstFailed) = compare ? OpenRevision(spec, revisions, diagnostics) : (null, false);
            // Against a revision, the revision is the reference: a stored baseline is for release gating.
            var baseline = compare && revision is null && !againstFailed ? LoadBaseline(spec, diagnostics, inputs) : null;
            if (baseline is not null)
            {
                baselines[spec.Path] = baseline.Baseline;
            }
            foreach (var model in spec.Models)
            {
                var checkedModel = CheckModel(spec, model, mode, diagnostics, inputs);
                if (revision is not null)
                {
                    checkedModel = CompareWithBase(spec, model, revision, checkedModel, mode, diagnostics);
                }
                else if (baseline is { } loaded && checkedModel.Report is { } report)
                {
                    var regressions = StaticRegression.Compare(spec.Regression!, model.Name, EffectiveBudgets.For(spec, model), report, loaded.Baseline);
                    diagnostics.AddRange(RegressionDiagnostics.DiagnoseAll(regressions, mode));
                    checkedModel = checkedModel with { Regressions = regressions };
                }

                models.Add(checkedModel);
            }

            var judged = BenchmarkGate.Check(spec, mode, options, diagnostics, inputs, benchmarkProblems, baseline, revision);
            benchmarks.AddRange(judged);

            // The spec's results are built once, then the disagreement analyser adds its verdicts to them.
            var built = ResultsBuilder.Spec(spec, models, judged);
            if (mode != GateMode.Off)
            {
                var disagreement = Disagree(spec, built, mode, diagnostics);
                disagreements.Add(disagreement);
                built = disagreement.Spec;
            }

            results.Add(built);
        }

        if (mode == GateMode.Off)
        {
            // The gate is switched off: nothing it finds may fail the build, but it still says what it found.
            diagnostics = diagnostics.Select(d => d with { Severity = d.Severity == DiagnosticSeverity.Error ? DiagnosticSeverity.Warning : d.Severity }).ToList();
        }

        return new GateResult(diagnostics, models, inputs) { Specs = specs, Results = results, Benchmarks = benchmarks, BenchmarkProblems = benchmarkProblems, Disagreements = disagreements, Baselines = baselines };
    }

    /// <summary>
    /// The spec's <c>disagreement</c> setting on its static indicators: each pair of models that some indicators order
    /// one way and others the other way (EM4201). Under <see cref="GateMode.Warn"/> an error-mode disagreement warns.
    /// </summary>
    private static DisagreementGateResult Disagree(Spec spec, SpecResults built, GateMode mode, List<Diagnostic> diagnostics)
    {
        var result = DisagreementGate.Evaluate(built, spec);
        diagnostics.AddRange(mode == GateMode.Warn
            ? result.Diagnostics.Select(d => d with { Severity = d.Severity == DiagnosticSeverity.Error ? DiagnosticSeverity.Warning : d.Severity })
            : result.Diagnostics);
        return result;
    }

    /// <summary>The revision the spec is compared against; a revision that cannot be opened is reported and compares nothing.</summary>
    private static (BaseRevision? Revision, bool Failed) OpenRevision(Spec spec, BaseRevisions revisions, List<Diagnostic> diagnostics)
    {
        try
        {
            return (revisions.For(spec), false);
        }
        catch (EfficiencyException e)
        {
            diagnostics.Add(e.Diagnostic);
            return (null, true);
        }
    }

    /// <summary>
    /// The model against its counterpart at <paramref name="revision"/>: unchanged and new are said once (information);
    /// a changed model's static indicators are compared exactly with the base's, analysed at the same bindings.
    /// </summary>
    private static ModelVerdicts CompareWithBase(Spec spec, ModelEntry model, BaseRevision revision, ModelVerdicts checkedModel, GateMode mode, List<Diagnostic> diagnostics)
    {
        BaseModel located;
        try
        {
            located = revision.Locate(model.ResolvedPath);
        }
        catch (EfficiencyException e)
        {
            diagnostics.Add(Lowered(e.Diagnostic, mode));
            return checkedModel;
        }

        var policy = spec.Regression ?? RegressionPolicy.Implicit(spec.Location);
        var against = "base " + revision.Describe;
        var name = UserText.Quote(model.Name);
        if (located.Status != BaseModelStatus.Changed)
        {
            var (status, message) = located.Status == BaseModelStatus.Unchanged
                ? (RegressionOutcome.Unchanged, UserText.Format(Unchanged, name, revision.Describe))
                : (RegressionOutcome.New, UserText.Format(NewModel, name, revision.Describe));
            var verdict = new RegressionVerdict(model.Name, RegressionVerdict.WholeModel, status, null, null, revision.Location, message) { Against = against };
            diagnostics.AddRange(RegressionDiagnostics.DiagnoseAll(new[] { verdict }, mode));
            return checkedModel with { Regressions = new[] { verdict }, Base = new BaseCounterpart(revision, located, null) };
        }

        StaticReport baseReport;
        try
        {
            baseReport = Analyze(spec, model, located.Path!, EffectiveBudgets.For(spec, model));
        }
        catch (EfficiencyException e)
        {
            diagnostics.Add(Lowered(Diagnostic.Error(ErrorCodes.BaseModelUnreadable,
                UserText.Format(BaseNotAnalysable, name, revision.Describe, e.Code, e.Message.TrimEnd('.')), revision.Location), mode));
            return checkedModel with { Base = new BaseCounterpart(revision, located, null) };
        }

        var counterpart = new BaseCounterpart(revision, located, baseReport);
        if (checkedModel.Report is not { } report)
        {
            return checkedModel with { Base = counterpart };
        }

        var regressions = StaticRegression.Compare(policy, model.Name, EffectiveBudgets.For(spec, model), report, baseReport, against);
        diagnostics.AddRange(RegressionDiagnostics.DiagnoseAll(regressions, mode));
        return checkedModel with { Regressions = regressions, Base = counterpart };
    }

    private const string Unchanged = "model '{0}' is byte-identical at base {1}: unchanged, nothing to compare or measure";
    private const string NewModel = "model '{0}' is new: absent at base {1}, nothing to compare it with";
    private const string BaseNotAnalysable = "the base's copy of model '{0}' at {1} cannot be analysed: {2}: {3}";

    private static Diagnostic Lowered(Diagnostic diagnostic, GateMode mode) =>
        mode == GateMode.Warn && diagnostic.Severity == DiagnosticSeverity.Error ? diagnostic with { Severity = DiagnosticSeverity.Warning } : diagnostic;

    /// <summary>The static indicators of the model file at <paramref name="path"/> with the entry's bindings and the spec's optimizer.</summary>
    private static StaticReport Analyze(Spec spec, ModelEntry model, string path, IReadOnlyList<Budget> budgets) =>
        Analyze(spec, model, Load(path, null), budgets);

    /// <summary>The model file at <paramref name="path"/>, its external data files added to <paramref name="inputs"/>.</summary>
    private static OnnxModel Load(string path, List<string>? inputs)
    {
        var onnx = OnnxModel.Load(path);
        if (inputs is not null)
        {
            foreach (var file in onnx.ExternalDataFiles)
            {
                AddInput(inputs, file);
            }
        }

        return onnx;
    }

    private static StaticReport Analyze(Spec spec, ModelEntry model, OnnxModel onnx, IReadOnlyList<Budget> budgets)
    {
        var options = new AnalysisOptions
        {
            Bindings = EffectiveBudgets.Bindings(spec, model),
            Optimizer = spec.Optimizer.Value,
            // Weights are read only when a budget needs them.
            ComputeSparsity = budgets.Any(b => b.Indicator == StaticIndicators.Sparsity),
            Generation = model.Generation,
        };
        return StaticAnalyzer.Analyze(onnx, options);
    }

    private static ModelVerdicts CheckModel(Spec spec, ModelEntry model, GateMode mode, List<Diagnostic> diagnostics, List<string> inputs)
    {
        AddInput(inputs, model.ResolvedPath);
        var budgets = EffectiveBudgets.For(spec, model);
        StaticReport report;
        OnnxModel onnx;
        try
        {
            onnx = Load(model.ResolvedPath, inputs);
            report = Analyze(spec, model, onnx, budgets);
        }
        catch (EfficiencyException e)
        {
            // The model's own location (a node, a tensor) is in the message; the build points at the spec's entry.
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ModelNotAnalysable, UserText.Format(CannotAnalyse, UserText.Quote(model.Name), e.Code, UserText.Quote(e.Message.TrimEnd('.'), ModelMessageLength)), model.Location));
            return new ModelVerdicts(spec.Path, model.Name, model.ResolvedPath, null, Array.Empty<BudgetVerdict>());
        }

        diagnostics.AddRange(report.Diagnostics);
        var verdicts = BudgetEvaluator.Evaluate(model.Name, budgets, report, mode);
        diagnostics.AddRange(verdicts.Select(BudgetEvaluator.Diagnose).OfType<Diagnostic>());
        return new ModelVerdicts(spec.Path, model.Name, model.ResolvedPath, report, verdicts) { Onnx = onnx };
    }

    /// <summary>The spec's baseline (null inside when the file does not exist yet); null when the spec has none or it cannot be read.</summary>
    private static StoredBaseline? LoadBaseline(Spec spec, List<Diagnostic> diagnostics, List<string> inputs)
    {
        if (spec.Regression is not { ResolvedBaseline: { } path } policy)
        {
            return null;
        }

        try
        {
            var baseline = BaselineStore.Read(path);
            if (baseline is not null)
            {
                // A recorded baseline changes the verdicts: an incremental build must rerun when it changes.
                AddInput(inputs, path);
            }

            return new StoredBaseline(baseline);
        }
        catch (EfficiencyException e)
        {
            diagnostics.Add(e.Diagnostic with { Location = e.Location ?? policy.Baseline?.Location ?? policy.Location });
            return null;
        }
    }


    private static void AddInput(List<string> inputs, string path)
    {
        // A path no file can have (empty, or with a NUL) is refused by the spec loader with its code; there is nothing to watch.
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return;
        }

        var full = Path.GetFullPath(path);
        if (!inputs.Contains(full, StringComparer.Ordinal))
        {
            inputs.Add(full);
        }
    }

}

/// <summary>Options of a gate run.</summary>
public sealed record GateOptions
{
    public GateMode Mode { get; init; } = GateMode.Error;

    /// <summary>Whether static indicators are compared with the spec's baseline or base revision; off while a baseline is being recorded.</summary>
    public bool CompareBaselines { get; init; } = true;

    /// <summary>
    /// The base revisions of the run (with the user's <c>--against</c>, if any), shared with whatever runs after the
    /// static gate; null: the gate opens its own and removes what it extracted when it returns.
    /// </summary>
    public BaseRevisions? Revisions { get; init; }

    /// <summary>
    /// Whether a benchmark entry without results fails (<c>misnomer check</c>, the tests) or only warns (the build,
    /// which runs before the benchmarks can have run).
    /// </summary>
    public bool RequireBenchmarkResults { get; init; } = true;

    /// <summary>
    /// Runs the project of each benchmark entry that names one before its results are read (<c>misnomer run</c>); null
    /// reads the results as they are (the build, <c>misnomer check</c>, the tests).
    /// </summary>
    public Benchmarks.BenchmarkProjectRunner? BenchmarkProjects { get; init; }
}

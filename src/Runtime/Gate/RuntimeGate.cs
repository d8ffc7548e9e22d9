using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Disagreement;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Revisions;
using EfficiencyMisnomer.Runtime.Comparison;
using EfficiencyMisnomer.Runtime.Isolation;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Regression;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Gate;

/// <summary>
/// The runtime gate: for each model of each spec and each applicable profile and batch, measures, evaluates the
/// profile's budgets and compares with the baseline entry recorded on this hardware (read only: recording is the
/// caller's, on request). Cases run one after another, never in parallel. Bad input becomes coded diagnostics.
/// </summary>
public static class RuntimeGate
{
    private const string ProfileNotFound = "spec has no hardware profile named '{0}'; it declares: {1}";
    private const string NoProfile = "no hardware profile of the spec applies to provider {0} ({1}); measured without budgets. Add a profile with match: {{ provider: {0} }}";
    private const string CannotMeasure = "model '{0}' cannot be measured: {1}: {2}";

    public static RuntimeGateResult Run(IReadOnlyList<string> specPaths, RuntimeGateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(specPaths);
        options ??= new RuntimeGateOptions();
        var provider = new ProviderSelector(options.Probe).Select(options.Provider);
        if (provider.Failure is { } failure)
        {
            return Result(provider, new[] { failure }, Array.Empty<RuntimeCase>(), Array.Empty<SpecResults>(), options);
        }

        // The base's files extracted for a comparison against a revision live until the last case is measured.
        using var revisions = new BaseRevisions { Override = options.Against };
        var staticResult = StaticGate.Check(specPaths, new GateOptions
        {
            CompareBaselines = options.CompareBaselines,
            Revisions = revisions,
            BenchmarkProjects = options.BenchmarkProjects,
        });
        var diagnostics = new List<Diagnostic>();
        var cases = new List<RuntimeCase>();
        // Specs that did not load are not here: the static gate already reported why.
        var plans = staticResult.Specs.Select(spec => (Spec: spec, Profiles: Profiles(spec, provider, options, diagnostics).ToList())).ToList();
        var comparisons = plans.Sum(plan => plan.Profiles.Sum(profile => Batches(profile).Count) * plan.Spec.Models.Count(m => Counterpart(staticResult, plan.Spec, m)?.Model.Status == BaseModelStatus.Changed));
        foreach (var (spec, profiles) in plans)
        {
            var baseline = AgainstRevision(revisions, spec) ? null
                : staticResult.Baselines.TryGetValue(spec.Path, out var read) ? new LoadedBaseline(read)
                : LoadBaseline(spec, options, diagnostics);
            var measurer = Measurer(spec, options);
            foreach (var profile in profiles)
            {
                foreach (var model in spec.Models)
                {
                    var onnx = Loaded(staticResult, spec, model);
                    cases.AddRange(Counterpart(staticResult, spec, model) switch
                    {
                        { Model.Status: BaseModelStatus.Unchanged } counterpart => NotMeasured(model, profile, counterpart, diagnostics),
                        { Model.Status: BaseModelStatus.Changed } counterpart =>
                            MeasureAgainst(spec, model, onnx, profile, provider, options, measurer, diagnostics, counterpart, comparisons),
                        _ => MeasureModel(spec, model, onnx, profile, provider, options, measurer, diagnostics, baseline),
                    });
                }
            }
        }

        var measured = Result(provider, diagnostics, cases, staticResult.Results, options, staticResult);
        return cases.Count == 0 ? measured : Disagree(measured);
    }

    private const string RecordedBusy = "model '{0}' [{1}] is recorded while other processes used {2:0%} of the CPUs: comparisons with this entry will be inconclusive; record it again on a quiet machine";
    private const string UnchangedNotMeasured = "model '{0}' [{1}] is byte-identical at base {2}: unchanged, not measured";
    private const string BaseCannotBeMeasured = "model '{0}' [{1}]: {2}; not compared";

    private static BaseCounterpart? Counterpart(GateResult staticResult, Spec spec, ModelEntry model) =>
        staticResult.Models.FirstOrDefault(m => m.SpecPath == spec.Path && m.ModelName == model.Name)?.Base;

    /// <summary>Whether the spec is compared against a revision in this run (even one that could not be opened): then not against its stored baseline.</summary>
    private static bool AgainstRevision(BaseRevisions revisions, Spec spec)
    {
        try
        {
            return revisions.For(spec) is not null;
        }
        catch (EfficiencyException)
        {
            return true;
        }
    }

    private static List<int?> Batches(HardwareProfile? profile) =>
        (profile?.Budgets ?? Array.Empty<Budget>()).Select(b => b.Batch?.Value).Distinct().DefaultIfEmpty(null).ToList();

    /// <summary>A model byte-identical at the base: nothing to compare, nothing measured; said once per profile.</summary>
    private static RuntimeCase[] NotMeasured(ModelEntry model, HardwareProfile? profile, BaseCounterpart counterpart, List<Diagnostic> diagnostics)
    {
        diagnostics.Add(Diagnostic.Info(ErrorCodes.ModelUnchanged,
            UserText.Format(UnchangedNotMeasured, UserText.Quote(model.Name), UserText.Quote(profile?.Name ?? "no profile"), counterpart.Revision.Describe), model.Location));
        return Array.Empty<RuntimeCase>();
    }

    /// <summary>
    /// A changed model measured against its base at each batch its profile's budgets name: cold start and memory in
    /// interleaved fresh processes, then latency in interleaved rounds until the ratio decides or the time cap passes.
    /// </summary>
    private static IEnumerable<RuntimeCase> MeasureAgainst(Spec spec, ModelEntry model, Lazy<OnnxModel> onnx, HardwareProfile? profile, ProviderSelection provider,
        RuntimeGateOptions options, RuntimeMeasurer measurer, List<Diagnostic> diagnostics, BaseCounterpart counterpart, int comparisons)
    {
        var policy = spec.Regression ?? RegressionPolicy.Implicit(spec.Location);
        var revision = counterpart.Revision;
        var against = "base " + revision.Describe;
        var budgets = profile?.Budgets ?? Array.Empty<Budget>();
        var random = new Random(options.OrderSeed ?? Environment.TickCount);
        var baseOnnx = new Lazy<OnnxModel>(() => OnnxModel.Load(counterpart.Model.Path!));
        foreach (var batch in Batches(profile))
        {
            var atBatch = budgets.Where(b => b.Batch?.Value == batch).ToList();
            var profileName = profile?.Name ?? "no profile";
            options.Progress?.Invoke($"measuring model '{UserText.Quote(model.Name)}' [{UserText.Quote(profileName)}] batch {batch?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "as bound"} on {provider.Provider} against {against}, interleaved");
            MeasurementCase head;
            OnnxModel baseModel;
            try
            {
                head = Case(spec, model, onnx.Value, profile, provider, options, batch, atBatch);
            }
            catch (EfficiencyException e)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.SessionFailed, UserText.Format(CannotMeasure, UserText.Quote(model.Name), e.Code, e.Message.TrimEnd('.')), model.Location));
                continue;
            }

            try
            {
                baseModel = baseOnnx.Value;
            }
            catch (EfficiencyException e)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.BaseModelUnreadable, UserText.Format(BaseCannotBeMeasured, UserText.Quote(model.Name), UserText.Quote(profileName), $"the base's copy at {revision.Describe} cannot be read: {e.Code}: {e.Message.TrimEnd('.')}"), revision.Location));
                continue;
            }

            PairedReport paired;
            IReadOnlyList<RegressionVerdict> regressions;
            try
            {
                (paired, regressions) = PairedComparison.Measure(measurer, head, baseModel, policy, atBatch, comparisons, random, options.Progress, against, revision.Location);
            }
            catch (EfficiencyException e) when (e.Code == ErrorCodes.BaseModelUnreadable)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.BaseModelUnreadable, UserText.Format(BaseCannotBeMeasured, UserText.Quote(model.Name), UserText.Quote(profileName), e.Message.TrimEnd('.')), revision.Location));
                continue;
            }
            catch (EfficiencyException e)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.SessionFailed, UserText.Format(CannotMeasure, UserText.Quote(model.Name), e.Code, e.Message.TrimEnd('.')), model.Location));
                continue;
            }

            var verdicts = RuntimeBudgetEvaluator.Evaluate(paired.Head, atBatch);
            diagnostics.AddRange(paired.Head.Warnings);
            diagnostics.AddRange(verdicts.Select(RuntimeBudgetEvaluator.Diagnose).OfType<Diagnostic>());
            diagnostics.AddRange(RegressionDiagnostics.DiagnoseAll(regressions, strict: options.StrictRegression || spec.Regression?.Strict == true));
            yield return new RuntimeCase(spec.Path, model.Name, profile, paired.Head, verdicts) { Regressions = regressions, Paired = paired };
        }
    }

    /// <summary>
    /// The run's outcome with its results document, built once here: <paramref name="specs"/> (the static results)
    /// with every measured case added, on this machine.
    /// </summary>
    private static RuntimeGateResult Result(ProviderSelection provider, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<RuntimeCase> cases,
        IReadOnlyList<SpecResults> specs, RuntimeGateOptions options, GateResult? staticResult = null)
    {
        var machine = (options.Machine ?? FingerprintProfileMatcher.ThisMachine.Fingerprint)(provider.Provider);
        return new RuntimeGateResult(provider, diagnostics, cases, staticResult) { Results = RuntimeResultsBuilder.From(specs, cases, machine, DateTimeOffset.UtcNow) };
    }

    /// <summary>
    /// The specs' <c>disagreement</c> settings judged again on the results document, measured indicators included: the
    /// static gate's findings (static indicators only) are replaced by these, so that each pair of models is judged once.
    /// </summary>
    private static RuntimeGateResult Disagree(RuntimeGateResult measured)
    {
        var staticResult = measured.Static!;
        if (staticResult.Disagreements.Count == 0)
        {
            return measured;
        }

        var judged = staticResult.Specs
            .Where(spec => staticResult.Disagreements.Any(d => d.Spec.Path == spec.Path))
            .Select(spec => DisagreementGate.Evaluate(measured.Results.Specs.First(s => s.Path == spec.Path), spec))
            .ToList();
        var specs = measured.Results.Specs.Select(spec => judged.FirstOrDefault(j => j.Spec.Path == spec.Path)?.Spec ?? spec).ToList();
        var others = staticResult.Diagnostics.Where(d => d.Code != ErrorCodes.IndicatorsDisagree);
        return measured with
        {
            Static = staticResult with { Diagnostics = others.Concat(judged.SelectMany(j => j.Diagnostics)).ToList(), Disagreements = judged },
            Results = measured.Results with { Specs = specs },
        };
    }

    /// <summary>
    /// Measures one model of a loaded spec on one profile, at each batch its budgets name: the unit a test
    /// framework runs as one test. The profile is taken as given; matching it to this machine is the caller's.
    /// </summary>
    public static RuntimeGateResult Measure(Spec spec, ModelEntry model, HardwareProfile profile, RuntimeGateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(profile);
        options ??= new RuntimeGateOptions();
        var provider = new ProviderSelector(options.Probe).Select(options.Provider);
        // The model's static results are not the adapter's to judge here: the static test case does that.
        var specResults = new[] { ResultsBuilder.Spec(spec, Array.Empty<ModelVerdicts>()).Only(model.Name) };
        if (provider.Failure is { } failure)
        {
            return Result(provider, new[] { failure }, Array.Empty<RuntimeCase>(), specResults, options);
        }

        var diagnostics = new List<Diagnostic>();
        var measurer = Measurer(spec, options);
        var onnx = new Lazy<OnnxModel>(() => OnnxModel.Load(model.ResolvedPath));
        using var revisions = new BaseRevisions { Override = options.Against };
        if (!options.CompareBaselines || !AgainstRevision(revisions, spec))
        {
            var cases = MeasureModel(spec, model, onnx, profile, provider, options, measurer, diagnostics, LoadBaseline(spec, options, diagnostics)).ToList();
            return Result(provider, diagnostics, cases, specResults, options);
        }

        BaseCounterpart counterpart;
        try
        {
            var revision = revisions.For(spec)!;
            counterpart = new BaseCounterpart(revision, revision.Locate(model.ResolvedPath), null);
        }
        catch (EfficiencyException e)
        {
            // The revision cannot be compared with: the head's budgets are still measured and judged.
            diagnostics.Add(e.Diagnostic);
            return Result(provider, diagnostics, MeasureModel(spec, model, onnx, profile, provider, options, measurer, diagnostics, null).ToList(), specResults, options);
        }

        var against = "base " + counterpart.Revision.Describe;
        switch (counterpart.Model.Status)
        {
            case BaseModelStatus.Unchanged:
                return Result(provider, diagnostics, NotMeasured(model, profile, counterpart, diagnostics), specResults, options);
            case BaseModelStatus.New:
                var fresh = new RegressionVerdict(model.Name, RegressionVerdict.WholeModel, RegressionOutcome.New, null, null, counterpart.Revision.Location,
                    UserText.Format("model '{0}' is new: absent at {1}, nothing to compare it with", UserText.Quote(model.Name), against)) { Against = against, Profile = profile.Name };
                diagnostics.AddRange(RegressionDiagnostics.DiagnoseAll(new[] { fresh }));
                var alone = MeasureModel(spec, model, onnx, profile, provider, options, measurer, diagnostics, null)
                    .Select(c => c with { Regressions = c.Regressions.Append(fresh).ToList() }).ToList();
                return Result(provider, diagnostics, alone, specResults, options);
            default:
                // A test measures one model; the error of the spec's verdicts is split over all its models and batches alike.
                var comparisons = spec.Models.Count * Batches(profile).Count;
                var paired = MeasureAgainst(spec, model, onnx, profile, provider, options, measurer, diagnostics, counterpart, comparisons).ToList();
                return Result(provider, diagnostics, paired, specResults, options);
        }
    }

    /// <summary>
    /// The measurer of a spec's cases. A spec with a baseline gets at least <see cref="RegressionSamples"/> samples per
    /// case, recorded or compared, so that two runs' distributions can be tested against each other (the budgets
    /// alone may be settled by a handful: 7 samples bound a median).
    /// </summary>
    private static RuntimeMeasurer Measurer(Spec spec, RuntimeGateOptions options)
    {
        var measurement = spec.Regression is null ? options.Measurement
            : options.Measurement with { MinimumSamples = Math.Max(options.Measurement.MinimumSamples, RegressionSamples) };
        return new RuntimeMeasurer(measurement, options.Energy, options.GpuMemory, options.Progress);
    }

    /// <summary>The fewest latency samples a case of a spec with a <c>regression</c> block takes (within the time cap).</summary>
    public const int RegressionSamples = 100;

    private static IEnumerable<HardwareProfile?> Profiles(Spec spec, ProviderSelection provider, RuntimeGateOptions options, List<Diagnostic> diagnostics)
    {
        if (spec.Models.Count == 0)
        {
            // A spec of BenchmarkDotNet results alone measures nothing here; its profiles are matched against the results' host.
            return Array.Empty<HardwareProfile?>();
        }

        if (options.Profile is { } name)
        {
            var named = spec.Hardware.FirstOrDefault(p => p.Name == name);
            if (named is null)
            {
                var known = spec.Hardware.Count == 0 ? "none" : string.Join(", ", spec.Hardware.Select(p => p.Name));
                diagnostics.Add(Diagnostic.Error(ErrorCodes.UnknownProfile, UserText.Format(ProfileNotFound, UserText.Quote(name), UserText.Quote(known)), spec.Location));
                return Array.Empty<HardwareProfile?>();
            }

            return new HardwareProfile?[] { named };
        }

        var matching = new List<HardwareProfile>();
        foreach (var profile in spec.Hardware)
        {
            var (matches, reason) = options.Matcher.Match(profile, provider.Provider);
            if (matches)
            {
                matching.Add(profile);
            }
            else
            {
                diagnostics.Add(Diagnostic.Info(ErrorCodes.HardwareProfileSkipped, reason, profile.Location));
            }
        }

        if (matching.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(ErrorCodes.NoMatchingProfile, UserText.Format(NoProfile, provider.Provider, provider.Reason), spec.Location));
            return new HardwareProfile?[] { null };
        }

        return matching;
    }

    private static IEnumerable<RuntimeCase> MeasureModel(Spec spec, ModelEntry model, Lazy<OnnxModel> onnx, HardwareProfile? profile, ProviderSelection provider,
        RuntimeGateOptions options, RuntimeMeasurer measurer, List<Diagnostic> diagnostics, LoadedBaseline? baseline)
    {
        var budgets = profile?.Budgets ?? Array.Empty<Budget>();
        foreach (var batch in Batches(profile))
        {
            var atBatch = budgets.Where(b => b.Batch?.Value == batch).ToList();
            var profileName = profile?.Name ?? "no profile";
            options.Progress?.Invoke($"measuring model '{UserText.Quote(model.Name)}' [{UserText.Quote(profileName)}] batch {batch?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "as bound"} on {provider.Provider}");
            if (MeasureOnce(spec, model, onnx, profile, provider, options, measurer, batch, atBatch, diagnostics) is not var (report, verdicts))
            {
                continue;
            }

            if (!options.CompareBaselines && spec.Regression is not null)
            {
                // Recording a baseline: the median of several fresh sessions, so that one session running slow as a
                // whole does not become the baseline (SessionConfirmation).
                options.Progress?.Invoke($"measuring model '{UserText.Quote(model.Name)}' [{UserText.Quote(profileName)}] in {SessionConfirmation.RecordedSessions - 1} more fresh sessions: a baseline records the median session");
                var sessions = new List<(RuntimeReport Report, IReadOnlyList<BudgetVerdict> Verdicts)> { (report, verdicts) };
                for (var session = 1; session < SessionConfirmation.RecordedSessions; session++)
                {
                    if (MeasureOnce(spec, model, onnx, profile, provider, options, measurer, batch, atBatch, diagnostics) is { } more)
                    {
                        sessions.Add(more);
                    }
                }

                (report, verdicts) = sessions[SessionConfirmation.MedianSession(sessions.Select(s => s.Report.LatencySamples).ToList())];
                if (report.OtherCpuShare > RuntimeRegression.QuietMachineLimit)
                {
                    diagnostics.Add(Diagnostic.Warning(ErrorCodes.BaselineRecordedBusy, UserText.Format(RecordedBusy, UserText.Quote(model.Name), UserText.Quote(profileName), report.OtherCpuShare.Value),
                        spec.Regression.Baseline?.Location ?? spec.Regression.Location));
                }
            }

            var regressions = Compare(spec, report, atBatch, baseline, provider, options, remeasured: false);
            if (regressions.Any(r => r.Status is RegressionOutcome.Inconclusive or RegressionOutcome.Regressed))
            {
                // A comparison that did not settle, or a regression, gets a fresh session before it is reported:
                // one session can run slow as a whole (SessionConfirmation), which no test on its samples can see.
                options.Progress?.Invoke($"measuring model '{UserText.Quote(model.Name)}' [{UserText.Quote(profileName)}] again in a fresh session: its comparison with the baseline is inconclusive or regressed");
                if (MeasureOnce(spec, model, onnx, profile, provider, options, measurer, batch, atBatch, diagnostics) is var (again, againVerdicts))
                {
                    (report, verdicts) = (again, againVerdicts);
                    regressions = Confirm(regressions, Compare(spec, report, atBatch, baseline, provider, options, remeasured: true));
                }
            }

            if (regressions.Any(StoredConfirmation.Needed) && RecordedCommit(baseline, report, provider, options) is { } commit)
            {
                regressions = ConfirmBeside(commit, spec, model, onnx, profile, provider, options, measurer, batch, atBatch, regressions);
            }

            diagnostics.AddRange(report.Warnings);
            diagnostics.AddRange(verdicts.Select(RuntimeBudgetEvaluator.Diagnose).OfType<Diagnostic>());
            diagnostics.AddRange(RegressionDiagnostics.DiagnoseAll(regressions, strict: options.StrictRegression || spec.Regression?.Strict == true));
            yield return new RuntimeCase(spec.Path, model.Name, profile, report, verdicts) { Regressions = regressions };
        }
    }

    /// <summary>The commit the baseline entry compared with <paramref name="report"/> was recorded from; null when it names none.</summary>
    private static string? RecordedCommit(LoadedBaseline? baseline, RuntimeReport report, ProviderSelection provider, RuntimeGateOptions options)
    {
        var machine = (options.Machine ?? FingerprintProfileMatcher.ThisMachine.Fingerprint)(provider.Provider);
        return baseline?.Baseline?.Entries(report.Profile).FirstOrDefault(e => e.Fingerprint == machine.Id)?.Measurement(report.Model, report.Batch)?.Commit;
    }

    /// <summary>
    /// Stored verdicts that are not a pass, confirmed by measuring the head beside the model the baseline entry was
    /// recorded from, interleaved (<see cref="StoredConfirmation"/>).
    /// </summary>
    private static IReadOnlyList<RegressionVerdict> ConfirmBeside(string commit, Spec spec, ModelEntry model, Lazy<OnnxModel> onnx, HardwareProfile? profile,
        ProviderSelection provider, RuntimeGateOptions options, RuntimeMeasurer measurer, int? batch, List<Budget> atBatch, IReadOnlyList<RegressionVerdict> stored)
    {
        var policy = spec.Regression!;
        var location = policy.Baseline?.Location ?? policy.Location;
        var recorded = StoredConfirmation.Short(commit);
        options.Progress?.Invoke($"measuring model '{UserText.Quote(model.Name)}' [{UserText.Quote(profile?.Name ?? "no profile")}] beside the model its baseline was recorded from, at {recorded}, interleaved: the stored comparison is not a pass");
        try
        {
            using var revision = GitBaseRevision.Open(Path.GetDirectoryName(Path.GetFullPath(spec.Path)) ?? ".", commit, location);
            var counterpart = revision.Locate(model.ResolvedPath);
            switch (counterpart.Status)
            {
                case BaseModelStatus.Unchanged:
                    return StoredConfirmation.ModelUnchanged(stored, commit);
                case BaseModelStatus.New:
                    return StoredConfirmation.Unconfirmed(stored, commit, UserText.Format("the model '{0}' is not there", UserText.Quote(counterpart.RelativePath)));
                default:
                    var head = Case(spec, model, onnx.Value, profile, provider, options, batch, atBatch);
                    var baseModel = OnnxModel.Load(counterpart.Path!);
                    var random = new Random(options.OrderSeed ?? Environment.TickCount);
                    var (_, beside) = PairedComparison.Measure(measurer, head, baseModel, policy, atBatch, spec.Models.Count * Batches(profile).Count, random, options.Progress,
                        "the baseline's revision " + recorded, location);
                    return StoredConfirmation.Replace(stored, beside, commit);
            }
        }
        catch (EfficiencyException e)
        {
            return StoredConfirmation.Unconfirmed(stored, commit, $"{e.Code}: {e.Message}");
        }
    }

    /// <summary>The verdicts of a second session, where a regression of the first that it does not confirm becomes inconclusive.</summary>
    internal static IReadOnlyList<RegressionVerdict> Confirm(IReadOnlyList<RegressionVerdict> first, IReadOnlyList<RegressionVerdict> second) =>
        second.Select(again => first.FirstOrDefault(f => f.Indicator == again.Indicator) is { Status: RegressionOutcome.Regressed }
            && SessionConfirmation.Decide(RegressionOutcome.Regressed, again.Status) == RegressionOutcome.Inconclusive
                ? again with { Status = RegressionOutcome.Inconclusive, Code = ErrorCodes.RegressionInconclusive, Message = again.Message + SessionConfirmation.NotConfirmed }
                : again).ToList();

    /// <summary>One measurement of a case, settled (<see cref="SettledMeasurement"/>: re-measured while a budget is unstable); null when it cannot be measured.</summary>
    private static (RuntimeReport Report, IReadOnlyList<BudgetVerdict> Verdicts)? MeasureOnce(Spec spec, ModelEntry model, Lazy<OnnxModel> onnx, HardwareProfile? profile, ProviderSelection provider, RuntimeGateOptions options,
        RuntimeMeasurer measurer, int? batch, List<Budget> atBatch, List<Diagnostic> diagnostics)
    {
        try
        {
            return SettledMeasurement.Measure(measurer, Case(spec, model, onnx.Value, profile, provider, options, batch, atBatch), atBatch, options.Progress);
        }
        catch (EfficiencyException e)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.SessionFailed, UserText.Format(CannotMeasure, UserText.Quote(model.Name), e.Code, e.Message.TrimEnd('.')), model.Location));
            return null;
        }
    }

    /// <summary>
    /// The model as the static gate loaded it, shared by every profile and batch of the run; loaded here only when the
    /// gate could not (a failure then says why at each case, as the cases report it).
    /// </summary>
    private static Lazy<OnnxModel> Loaded(GateResult staticResult, Spec spec, ModelEntry model) =>
        staticResult.Models.FirstOrDefault(m => m.SpecPath == spec.Path && m.ModelName == model.Name)?.Onnx is { } loaded
            ? new Lazy<OnnxModel>(loaded)
            : new Lazy<OnnxModel>(() => OnnxModel.Load(model.ResolvedPath));

    /// <summary>The case of a model on a profile at a batch: its bindings, the profile's settings, the statistics its budgets watch.</summary>
    private static MeasurementCase Case(Spec spec, ModelEntry model, OnnxModel onnx, HardwareProfile? profile, ProviderSelection provider, RuntimeGateOptions options,
        int? batch, List<Budget> atBatch)
    {
        var bindings = EffectiveBudgets.Bindings(spec, model);
        return new(model.Name, onnx, model.Generation is { } generation ? generation.Step(onnx, bindings, generation.Prompt, 0) : bindings, provider,
            SessionSettings.For(profile, options.Threads))
        {
            Generation = model.Generation,
            SpecBindings = model.Generation is null ? null : bindings,
            ProfileName = profile?.Name ?? "no profile",
            Batch = batch,
            Watched = Watched(atBatch),
            FreshSessions = FreshSessions(spec, atBatch),
            PricePerHour = profile?.PricePerHour?.Value,
            GridIntensity = profile?.GridIntensity?.Value,
            Inputs = options.Inputs,
        };
    }

    private static IReadOnlyList<RegressionVerdict> Compare(Spec spec, RuntimeReport report, List<Budget> atBatch, LoadedBaseline? baseline,
        ProviderSelection provider, RuntimeGateOptions options, bool remeasured)
    {
        if (spec.Regression is not { } policy || baseline is null)
        {
            return Array.Empty<RegressionVerdict>();
        }

        var machine = (options.Machine ?? FingerprintProfileMatcher.ThisMachine.Fingerprint)(provider.Provider);
        return RuntimeRegression.Compare(policy, report, atBatch, baseline.Baseline, machine.Id, machine.Summary, remeasured, options.BusyLimit);
    }

    /// <summary>The spec's baseline when its measurements are to be compared (null inside when the file does not exist yet); null otherwise.</summary>
    private static LoadedBaseline? LoadBaseline(Spec spec, RuntimeGateOptions options, List<Diagnostic> diagnostics)
    {
        if (!options.CompareBaselines || spec.Regression is not { ResolvedBaseline: { } path } policy)
        {
            return null;
        }

        try
        {
            return new LoadedBaseline(BaselineStore.Read(path));
        }
        catch (EfficiencyException e)
        {
            diagnostics.Add(e.Diagnostic with { Location = e.Location ?? policy.Baseline?.Location ?? policy.Location });
            return null;
        }
    }

    private sealed record LoadedBaseline(Baseline? Baseline);

    /// <summary>
    /// Fresh sessions observed for cold start and memory: the median of several when a budget or the regression
    /// tolerance names one of them, one when they are only shown.
    /// </summary>
    private static int FreshSessions(Spec spec, List<Budget> budgets)
    {
        var named = budgets.Select(b => b.Indicator.Name).Concat(spec.Regression?.Tolerances.Keys ?? Enumerable.Empty<string>());
        return named.Any(FreshSessionIndicators.Contains) ? FreshSessionSeries.Compared : FreshSessionSeries.Shown;
    }

    private static readonly HashSet<string> FreshSessionIndicators = new(StringComparer.Ordinal)
    {
        Indicators.RuntimeIndicators.ColdStart.Name, Indicators.RuntimeIndicators.PeakMemory.Name, Indicators.RuntimeIndicators.GpuMemory.Name,
    };

    /// <summary>The statistics the budgets rest on: latency ones directly, throughput and cost through the mean.</summary>
    private static List<LatencyStatistic> Watched(List<Budget> budgets)
    {
        var watched = LatencyStatistic.All.Where(s => budgets.Any(b => b.Indicator == s.Indicator)).ToList();
        if (budgets.Any(b => b.Indicator == Indicators.RuntimeIndicators.Throughput || b.Indicator == Indicators.RuntimeIndicators.Cost)
            && !watched.Contains(LatencyStatistic.Mean))
        {
            watched.Add(LatencyStatistic.Mean);
        }

        return watched;
    }

}

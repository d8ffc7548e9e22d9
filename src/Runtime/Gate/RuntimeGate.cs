using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Reports;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Gate;

/// <summary>
/// The runtime gate: for each model of each spec and each applicable profile and batch, measures and evaluates
/// the profile's budgets. Cases run one after another, never in parallel. Bad input becomes coded diagnostics.
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
            return new RuntimeGateResult(provider, new[] { failure }, Array.Empty<RuntimeCase>(), null);
        }

        var staticResult = StaticGate.Check(specPaths);
        var diagnostics = new List<Diagnostic>();
        var cases = new List<RuntimeCase>();
        var measurer = new RuntimeMeasurer(options.Measurement, options.Energy, options.GpuMemory, options.Progress);
        foreach (var spec in staticResult.Specs)
        {
            // Specs that did not load are not here: the static gate already reported why.
            foreach (var profile in Profiles(spec, provider, options, diagnostics))
            {
                foreach (var model in spec.Models)
                {
                    cases.AddRange(MeasureModel(spec, model, profile, provider, options, measurer, diagnostics));
                }
            }
        }

        return new RuntimeGateResult(provider, diagnostics, cases, staticResult);
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
        if (provider.Failure is { } failure)
        {
            return new RuntimeGateResult(provider, new[] { failure }, Array.Empty<RuntimeCase>(), null);
        }

        var diagnostics = new List<Diagnostic>();
        var measurer = new RuntimeMeasurer(options.Measurement, options.Energy, options.GpuMemory, options.Progress);
        var cases = MeasureModel(spec, model, profile, provider, options, measurer, diagnostics).ToList();
        return new RuntimeGateResult(provider, diagnostics, cases, null);
    }

    private static IEnumerable<HardwareProfile?> Profiles(Spec spec, ProviderSelection provider, RuntimeGateOptions options, List<Diagnostic> diagnostics)
    {
        if (options.Profile is { } name)
        {
            var named = spec.Hardware.FirstOrDefault(p => p.Name == name);
            if (named is null)
            {
                var known = spec.Hardware.Count == 0 ? "none" : string.Join(", ", spec.Hardware.Select(p => p.Name));
                diagnostics.Add(Diagnostic.Error(ErrorCodes.UnknownProfile, Text(ProfileNotFound, name, known), spec.Location));
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
            diagnostics.Add(Diagnostic.Warning(ErrorCodes.NoMatchingProfile, Text(NoProfile, provider.Provider, provider.Reason), spec.Location));
            return new HardwareProfile?[] { null };
        }

        return matching;
    }

    private static IEnumerable<RuntimeCase> MeasureModel(Spec spec, ModelEntry model, HardwareProfile? profile, ProviderSelection provider,
        RuntimeGateOptions options, RuntimeMeasurer measurer, List<Diagnostic> diagnostics)
    {
        var budgets = profile?.Budgets ?? Array.Empty<Budget>();
        var batches = budgets.Select(b => b.Batch?.Value).Distinct().DefaultIfEmpty(null).ToList();
        foreach (var batch in batches)
        {
            var atBatch = budgets.Where(b => b.Batch?.Value == batch).ToList();
            var profileName = profile?.Name ?? "no profile";
            options.Progress?.Invoke($"measuring model '{model.Name}' [{profileName}] batch {batch?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "as bound"} on {provider.Provider}");
            RuntimeReport report;
            IReadOnlyList<BudgetVerdict> verdicts;
            try
            {
                var measuredCase = new MeasurementCase(model.Name, OnnxModel.Load(model.ResolvedPath), EffectiveBudgets.Bindings(spec, model), provider,
                    SessionSettings.For(profile, options.Threads))
                {
                    ProfileName = profileName,
                    Batch = batch,
                    Watched = Watched(atBatch),
                    PricePerHour = profile?.PricePerHour?.Value,
                    GridIntensity = profile?.GridIntensity?.Value,
                    Inputs = options.Inputs,
                };
                (report, verdicts) = SettledMeasurement.Measure(measurer, measuredCase, atBatch, options.Progress);
            }
            catch (EfficiencyException e)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.SessionFailed, Text(CannotMeasure, model.Name, e.Code, e.Message.TrimEnd('.')), model.Location));
                continue;
            }

            diagnostics.AddRange(report.Warnings);
            diagnostics.AddRange(verdicts.Select(RuntimeBudgetEvaluator.Diagnose).OfType<Diagnostic>());
            yield return new RuntimeCase(spec.Path, model.Name, profile, report, verdicts);
        }
    }

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

    private static string Text(string template, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, args);
}

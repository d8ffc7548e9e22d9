using System.CommandLine;
using System.Globalization;
using System.Text;
using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Runtime.Exporters;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Cli;

/// <summary>
/// <c>misnomer run SPEC... [--provider auto|cpu|cuda] [--profile NAME] [--time-cap SECONDS] [--results FILE] [--update-baseline] [--strict] [--against REF]
/// [--no-benchmark-projects] [--benchmark-timeout MINUTES]</c>:
/// the runtime gate (against a stored baseline or, with <c>--against</c> or <c>regression.against</c>, a base revision measured
/// beside the head), or with <c>--update-baseline</c> the recording of its measurements into the specs' baselines. The
/// projects of benchmark entries run first, so that their results are this code's.
/// </summary>
internal static class RunCommand
{
    private static readonly Dictionary<string, ProviderRequest> Providers = new(StringComparer.Ordinal)
    {
        ["auto"] = ProviderRequest.Auto,
        ["cpu"] = ProviderRequest.Cpu,
        ["cuda"] = ProviderRequest.Cuda,
    };

    public static Command Create(TextWriter stdout, TextWriter stderr, ConsoleOutput output)
    {
        var specs = new Argument<string[]>("spec") { Description = "Efficiency spec files (YAML).", Arity = ArgumentArity.OneOrMore };
        var provider = new Option<string>("--provider")
        {
            Description = "auto: CUDA when it loads, else CPU; cpu; cuda (required: its absence fails).",
            DefaultValueFactory = _ => "auto",
        };
        provider.AcceptOnlyFromAmong(Providers.Keys.ToArray());
        var profile = new Option<string?>("--profile") { Description = "The hardware profile to measure; default: every profile matching the provider." };
        var timeCap = new Option<double>("--time-cap")
        {
            Description = "Seconds one case (model x profile x batch) may take; an interval not settled by then is unstable.",
            DefaultValueFactory = _ => MeasurementOptions.Default.TimeCap.TotalSeconds,
        };
        var results = new Option<string?>("--results") { Description = "Also write every indicator, measurement and verdict to this results file (JSON), for reports, baselines and merges." };

        var updateBaseline = new Option<bool>("--update-baseline")
        {
            Description = "Measure, then record the static indicators and measurements into each spec's baseline (regression.baseline) instead of comparing with it.",
        };
        var against = AgainstOption.Create();
        var strict = new Option<bool>("--strict") { Description = "A comparison with the baseline still inconclusive after a second measurement fails instead of warning." };
        var noProjects = new Option<bool>("--no-benchmark-projects") { Description = "Judge the benchmark entries' results as they are, without running their projects first." };
        var benchmarkTimeout = new Option<double>("--benchmark-timeout")
        {
            Description = "Minutes one benchmark project's run (its build included) may take before it is stopped.",
            DefaultValueFactory = _ => Benchmarks.BenchmarkProjectRunner.DefaultDeadline.TotalMinutes,
        };

        var command = new Command("run", "Measure models on this machine and check the runtime budgets of their hardware profiles.")
        {
            specs, provider, profile, timeCap, results, updateBaseline, strict, against, noProjects, benchmarkTimeout,
        };
        command.SetAction(result =>
        {
            var cap = result.GetValue(timeCap);
            if (cap is <= 0 or > 86400)
            {
                stderr.WriteLine($"error {Diagnostics.ErrorCodes.InvalidArgument}: --time-cap must be a positive number of seconds (got {cap.ToString(CultureInfo.InvariantCulture)}).");
                return MisnomerCli.Failure;
            }

            var minutes = result.GetValue(benchmarkTimeout);
            if (minutes is <= 0 or > 10080)
            {
                stderr.WriteLine($"error {Diagnostics.ErrorCodes.InvalidArgument}: --benchmark-timeout must be a positive number of minutes, at most a week (got {minutes.ToString(CultureInfo.InvariantCulture)}).");
                return MisnomerCli.Failure;
            }

            var progress = ConsoleOutput.Progress(stderr, ConsoleOutput.Of(result, output));
            var options = new RuntimeGateOptions
            {
                Provider = Providers[result.GetValue(provider)!],
                Profile = result.GetValue(profile),
                Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(cap) },
                Progress = progress.Report,
                CompareBaselines = !result.GetValue(updateBaseline),
                StrictRegression = result.GetValue(strict),
                Against = result.GetValue(against),
                BenchmarkProjects = result.GetValue(noProjects) ? null : new Benchmarks.BenchmarkProjectRunner(deadline: TimeSpan.FromMinutes(minutes), progress: progress.Report),
            };
            var outcome = RuntimeGate.Run(result.GetValue(specs)!, options);
            progress.Complete();
            ConsoleOutput.Print(outcome.AllDiagnostics, stderr, ConsoleOutput.Of(result, output));

            if (outcome.Static is { } staticResult)
            {
                stdout.Write(GateResultText.Table(staticResult));
            }

            stdout.Write(Table(outcome));
            var document = outcome.Results;
            if (result.GetValue(results) is { } resultsPath)
            {
                ResultsJson.WriteFile(resultsPath, document);
            }

            if (result.GetValue(updateBaseline) && outcome.Static is not null)
            {
                foreach (var recorded in BaselineRecorder.Record(document))
                {
                    stdout.WriteLine(recorded.ToString());
                }
            }

            return outcome.Passed ? MisnomerCli.Success : MisnomerCli.Failure;
        });
        return command;
    }

    /// <summary>Per case: the provider and settings, every runtime indicator with its interval, then the verdicts.</summary>
    private static string Table(RuntimeGateResult outcome)
    {
        var text = new StringBuilder();
        foreach (var measured in outcome.Cases)
        {
            text.Append(RuntimeReportText.Case(measured));
        }

        var verdicts = outcome.Cases.SelectMany(c => c.Verdicts).ToList();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{outcome.Cases.Count} case(s), {verdicts.Count} runtime budget(s): {Count(verdicts, Budgets.VerdictStatus.Pass)} passed, {Count(verdicts, Budgets.VerdictStatus.Fail)} failed, " +
            $"{Count(verdicts, Budgets.VerdictStatus.Warning)} warned, {Count(verdicts, Budgets.VerdictStatus.Unstable)} unstable, {Count(verdicts, Budgets.VerdictStatus.Skipped)} skipped.");
        var regressions = outcome.Cases.SelectMany(c => c.Regressions).ToList();
        if (regressions.Count > 0)
        {
            text.AppendLine(GateResultText.RegressionSummary(regressions));
        }

        return text.ToString();
    }

    private static int Count(List<Budgets.BudgetVerdict> verdicts, Budgets.VerdictStatus status) => verdicts.Count(v => v.Status == status);
}

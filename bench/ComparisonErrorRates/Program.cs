using System.Diagnostics;
using System.Globalization;
using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Bench;

/// <summary>
/// Runs the product's own runtime gate, trial after trial, on a base model and heads whose true slowdown is known, and
/// counts the verdicts: against a revision (base and head measured interleaved in one run, the base a checkout folder)
/// and against a stored baseline (recorded once, on a quiet machine, as 'misnomer run --update-baseline' does), with or
/// without a busy process on every core. Each trial is a whole gate run with fresh sessions, as a CI job would make.
/// </summary>
internal static class Program
{
    private const string Spec = "name: bench\nmodels:\n  model: { path: models/model.onnx }\n" +
        "hardware:\n  cpu:\n    match: { provider: cpu }\n    threads: {THREADS}\n    budgets:\n      latency.p50: { max: 100 s }\n" +
        "regression:\n  baseline: baselines/bench.json\n  tolerance: { default: {TOLERANCE} }\n";

    private static int Main(string[] args)
    {
        if (args is ["calibrate", var baseModel, var calibration, var threads, .. var heads])
        {
            return Calibrate(baseModel, double.Parse(calibration, CultureInfo.InvariantCulture), int.Parse(threads, CultureInfo.InvariantCulture), heads);
        }

        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: comparison-error-rates WORK BASE_MODEL TRIALS CAP_S THREADS TOLERANCE LOAD(quiet|busy) MODES(against,stored) ARM=HEAD_MODEL...");
            return 2;
        }

        var baseFolder = Path.Combine(options.Work, "base");
        var headFolder = Path.Combine(options.Work, "head");
        foreach (var folder in new[] { baseFolder, headFolder })
        {
            Directory.CreateDirectory(Path.Combine(folder, "specs", "models"));
            File.WriteAllText(Path.Combine(folder, "specs", "bench.yaml"), Spec.Replace("{THREADS}", options.Threads.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{TOLERANCE}", options.Tolerance, StringComparison.Ordinal));
        }

        File.Copy(options.BaseModel, Path.Combine(baseFolder, "specs", "models", "model.onnx"), overwrite: true);

        // Two checkouts side by side, as a CI job that checks out base and head makes them: the head's paths are
        // taken relative to its own repository.
        foreach (var folder in new[] { baseFolder, headFolder })
        {
            Git(folder, "init", "-q");
        }

        var headModel = Path.Combine(headFolder, "specs", "models", "model.onnx");
        var headSpec = Path.Combine(headFolder, "specs", "bench.yaml");
        var gateOptions = new RuntimeGateOptions
        {
            Provider = ProviderRequest.Cpu,
            Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(options.CapSeconds) },
        };

        if (options.Modes.Contains("stored"))
        {
            // Recorded once, on whatever machine state the script leaves before the trials (it records before loading).
            var baselinePath = Path.Combine(headFolder, "specs", "baselines", "bench.json");
            if (!File.Exists(baselinePath))
            {
                File.Copy(options.BaseModel, headModel, overwrite: true);
                if (!options.NoCommit)
                {
                    // The baseline entry names the commit that holds the model it measured, so that a stored verdict that
                    // is not a pass is confirmed beside that model; --no-commit measures the stored comparison alone.
                    Git(headFolder, "add", "-A");
                    Git(headFolder, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "base");
                }

                var recording = RuntimeGate.Run(new[] { headSpec }, gateOptions with { CompareBaselines = false, Against = "none" });
                BaselineRecorder.Record(recording.Results);
                Console.WriteLine($"# stored baseline recorded ({recording.Cases.Single().Report["latency.p50"].Value:0.###} ms median, other processes {recording.Cases.Single().Report.OtherCpuShare:0%} of the CPUs)");
            }
        }

        using var load = options.Busy ? Load.Start(Environment.ProcessorCount) : null;
        Console.WriteLine("mode,load,arm,trial,status,ratio,lower,upper,seconds,rounds,other_cpu,confirmed");
        foreach (var mode in options.Modes)
        {
            foreach (var (arm, model) in options.Arms)
            {
                File.Copy(model, headModel, overwrite: true);
                for (var trial = 0; trial < options.Trials; trial++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var result = RuntimeGate.Run(new[] { headSpec }, gateOptions with { Against = mode == "against" ? baseFolder : "none" });
                    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    var measured = result.Cases.SingleOrDefault();
                    var verdict = measured?.Regressions.SingleOrDefault(r => r.Indicator == "latency.p50");
                    var status = verdict?.Status.ToString().ToLowerInvariant() ?? "error: " + Diagnosed(result);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{mode},{(options.Busy ? "busy" : "quiet")},{arm},{trial},{status},{verdict?.Ratio:0.####},{verdict?.RatioLower:0.####},{verdict?.RatioUpper:0.####},{seconds:0.##},{measured?.Paired?.Rounds},{measured?.Report.OtherCpuShare:0.###},{Confirmed(verdict)}"));
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// What the stored comparison said before a measurement beside the recorded model replaced it ("regressed (+7.2%)"),
    /// "unchanged" when the model was the recorded one, empty when no confirmation ran.
    /// </summary>
    private static string Confirmed(Regression.RegressionVerdict? verdict)
    {
        const string Said = "the stored baseline's comparison said ";
        var message = verdict?.Message ?? "";
        var at = message.IndexOf(Said, StringComparison.Ordinal);
        if (at >= 0)
        {
            var rest = message[(at + Said.Length)..];
            return rest[..rest.IndexOf(';', StringComparison.Ordinal)].Replace(',', ';');
        }

        return message.Contains("byte-identical to the one the baseline was recorded from", StringComparison.Ordinal) ? "unchanged" : "";
    }

    private static void Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { UseShellExecute = false, WorkingDirectory = folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {folder}");
        }
    }

    /// <summary>
    /// Why a trial has no latency verdict, on one CSV cell: its warnings and errors and the comparison's own notes, or
    /// every diagnostic where there are none of those.
    /// </summary>
    private static string Diagnosed(RuntimeGateResult result)
    {
        var relevant = result.AllDiagnostics.Where(d => d.Severity != Diagnostics.DiagnosticSeverity.Info || d.Code.StartsWith("EM403", StringComparison.Ordinal)).ToList();
        var shown = relevant.Count > 0 ? relevant : result.AllDiagnostics.ToList();
        return shown.Count == 0 ? "no verdict and no diagnostic" : string.Join(" | ", shown.Select(d => d.Code + " " + d.Message)).Replace(',', ';').ReplaceLineEndings(" ");
    }

    /// <summary>
    /// Each head's true slowdown: one long interleaved measurement against the base that never stops early, so that
    /// the error rates can be read against what the heads really cost.
    /// </summary>
    private static int Calibrate(string baseModel, double seconds, int threads, string[] heads)
    {
        var measurer = new RuntimeMeasurer(MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(seconds) });
        var provider = new ProviderSelection(ProviderSelection.Cpu, "requested");
        var baseOnnx = Graph.OnnxModel.Load(baseModel);
        Console.WriteLine("arm,ratio,lower95,upper95,rounds");
        foreach (var (arm, model) in heads.Select(a => a.Split('=', 2)).Select(p => (p[0], p[1])))
        {
            var head = new MeasurementCase(arm, Graph.OnnxModel.Load(model), Shapes.ShapeBindings.None, provider, new SessionSettings(threads, 1)) { Batch = 1 };
            var paired = new Runtime.Comparison.PairedMeasurer(measurer).Measure(new Runtime.Comparison.PairedCase(head, baseOnnx, (_, _) => false, new Runtime.Comparison.SequentialLooks(0.99, 1)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{arm},{paired.Ratio.Ratio:0.####},{paired.Ratio95.Lower:0.####},{paired.Ratio95.Upper:0.####},{paired.Rounds}"));
        }

        return 0;
    }

    private sealed record Options(string Work, string BaseModel, int Trials, double CapSeconds, int Threads, string Tolerance, bool Busy, IReadOnlyList<string> Modes,
        IReadOnlyList<(string Arm, string Model)> Arms)
    {
        /// <summary>Whether the stored baseline is recorded without a commit (no confirmation beside the recorded model): the stored comparison alone.</summary>
        public bool NoCommit { get; init; }

        public static Options? Parse(string[] args)
        {
            if (args.Length < 9)
            {
                return null;
            }

            var arms = args.Skip(8).Where(a => a != "--no-commit").Select(a => a.Split('=', 2)).Where(p => p.Length == 2).Select(p => (p[0], Path.GetFullPath(p[1]))).ToList();
            return new Options(Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture),
                double.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture), args[5], args[6] == "busy",
                args[7].Split(',', StringSplitOptions.RemoveEmptyEntries), arms) { NoCommit = args.Contains("--no-commit") };
        }
    }

    /// <summary>One busy process per core (<c>yes &gt; /dev/null</c>), stopped on dispose.</summary>
    private sealed class Load : IDisposable
    {
        private readonly List<Process> processes;

        private Load(List<Process> processes) => this.processes = processes;

        public static Load Start(int count) => new(Enumerable.Range(0, count)
            .Select(_ => Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", "exec yes > /dev/null" }, UseShellExecute = false })!)
            .ToList());

        public void Dispose()
        {
            foreach (var process in processes)
            {
                try
                {
                    process.Kill();
                }
                catch (InvalidOperationException)
                {
                }

                process.Dispose();
            }
        }
    }
}

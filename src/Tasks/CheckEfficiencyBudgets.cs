using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Gates;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace EfficiencyMisnomer.Tasks;

/// <summary>
/// Evaluates the static budgets of <c>@(EfficiencySpec)</c>: logs each breach in canonical form,
/// writes the report JSON, and lists every file it read so that the next build can skip it when
/// nothing changed.
/// </summary>
public sealed class CheckEfficiencyBudgets : EfficiencyTask
{
    /// <summary>The spec files (YAML).</summary>
    [Required]
    public ITaskItem[] Specs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>error</c> (breaches fail the build), <c>warn</c> (breaches are warnings) or <c>off</c>.</summary>
    public string Gate { get; set; } = "error";

    /// <summary>
    /// The base revision (or checkout folder) whose models' static indicators are compared with the head's, over the
    /// specs' <c>regression.against</c>; <c>none</c> compares with the stored baselines instead; empty keeps each spec's.
    /// </summary>
    public string? Against { get; set; }

    /// <summary>
    /// Whether the next build may skip the gate when none of the files it read changed: false when a spec was compared
    /// against a revision, whose state (where a branch points) is no file the build can watch.
    /// </summary>
    [Output]
    public bool Incremental { get; private set; }

    /// <summary>Where the report JSON goes.</summary>
    [Required]
    public string ReportFile { get; set; } = string.Empty;

    /// <summary>Where the list of files read goes, one per line, for the next build's up-to-date check.</summary>
    public string? InputsFile { get; set; }

    /// <summary>
    /// Where the file patterns of the specs' BenchmarkDotNet results go, one per line: the next build lists the files they
    /// match as inputs, so that results written after this build (the benchmarks run after it) make the gate run again.
    /// </summary>
    public string? PatternsFile { get; set; }

    /// <summary>Where the run's diagnostics go, for <see cref="ReplayEfficiencyDiagnostics"/> when a later build skips the gate.</summary>
    public string? ReplayFile { get; set; }

    /// <summary>Always true once the task has run: a build that skipped the gate as up to date does not set it.</summary>
    [Output]
    public bool Ran { get; private set; }

    /// <summary>The files this task wrote, for <c>FileWrites</c>.</summary>
    [Output]
    public ITaskItem[] FilesWritten { get; private set; } = Array.Empty<ITaskItem>();

    protected override void ExecuteCore()
    {
        if (!GateModes.TryParse(Gate, out var mode))
        {
            LogError(ErrorCodes.InvalidGateMode, TaskMessages.InvalidGate, Gate);
            return;
        }

        if (Specs.Length == 0)
        {
            Log.LogMessage(MessageImportance.Normal, TaskMessages.NoSpecs);
        }

        var specs = Specs.Select(s => s.GetMetadata("FullPath")).Distinct(StringComparer.Ordinal).ToList();
        using var revisions = new Revisions.BaseRevisions { Override = string.IsNullOrWhiteSpace(Against) ? null : Against.Trim() };
        // Benchmarks run after the build: results not there yet warn instead of failing it; their patterns (PatternsFile)
        // make the gate run again once they appear.
        var result = StaticGate.Check(specs, new GateOptions { Mode = mode, Revisions = revisions, RequireBenchmarkResults = false });
        Incremental = result.Models.All(m => m.Base is null) && !result.Diagnostics.Any(d => d.Code.StartsWith("EM403", StringComparison.Ordinal));
        foreach (var diagnostic in result.Diagnostics)
        {
            LogDiagnostic(diagnostic);
        }

        Ran = true;
        var written = new List<ITaskItem>();
        WriteAtomically(ReportFile, stream => GateResultJson.Write(result, stream));
        written.Add(new TaskItem(ReportFile));
        if (!string.IsNullOrEmpty(ReplayFile))
        {
            WriteAtomically(ReplayFile, stream => DiagnosticReplay.Write(result.Diagnostics, stream));
            written.Add(new TaskItem(ReplayFile));
        }

        if (!string.IsNullOrEmpty(InputsFile))
        {
            written.Add(WriteLines(InputsFile, specs.Concat(result.InputFiles)));
        }

        if (!string.IsNullOrEmpty(PatternsFile))
        {
            written.Add(WriteLines(PatternsFile, result.Specs.SelectMany(s => s.Benchmarks).Select(e => Benchmarks.BenchmarkResultsFile.WatchPattern(e.ResolvedResults))));
        }

        FilesWritten = written.ToArray();
        var verdicts = result.Models.Sum(m => m.Verdicts.Count);
        var breached = result.Models.Sum(m => m.Verdicts.Count(v => v.Status != VerdictStatus.Pass));
        Log.LogMessage(MessageImportance.High, TaskMessages.Summary, specs.Count, result.Models.Count, verdicts, breached, UserText.Quote(ReportFile, 1000));
        var regressions = result.Models.SelectMany(m => m.Regressions).ToList();
        if (regressions.Count > 0)
        {
            Log.LogMessage(MessageImportance.High, "efficiency gate: {0}", UserText.Escape(GateResultText.RegressionSummary(regressions)));
        }
    }

    /// <summary>Paths one a line, sorted: a path with a line break or other control character cannot be listed (nor watched).</summary>
    private static TaskItem WriteLines(string file, IEnumerable<string> paths)
    {
        var lines = paths.Where(p => !p.Any(UserText.IsUnsafe)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        WriteAtomically(file, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
        });
        return new TaskItem(file);
    }
}

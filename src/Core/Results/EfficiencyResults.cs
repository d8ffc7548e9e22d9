namespace EfficiencyMisnomer.Results;

/// <summary>
/// The results of one or more runs: every indicator of every model of every spec, static and measured, with
/// the verdicts reached and the machines measured on. The document reports, baselines and merges are made
/// from; <see cref="ResultsJson"/> reads and writes it. A run on one machine has one entry in
/// <see cref="Machines"/>; <c>misnomer merge</c> unites runs of several machines, each runtime entry naming
/// its machine.
/// </summary>
/// <param name="Created">When the document was written.</param>
/// <param name="Machines">The machines whose measurements it holds, by fingerprint id.</param>
/// <param name="Specs">The specs, in the order they were given.</param>
public sealed record EfficiencyResults(DateTimeOffset Created, IReadOnlyList<MachineResults> Machines, IReadOnlyList<SpecResults> Specs)
{
    /// <summary>The document format written in the <c>format</c> member; readers refuse other major versions.</summary>
    public const string Format = "efficiency-misnomer/results@1";

    public MachineResults? Machine(string id) => Machines.FirstOrDefault(m => m.Id == id);

    /// <summary>
    /// The commit the repository holding the specs was on when the document was made (<c>git rev-parse HEAD</c>); null
    /// outside a git repository. Reports of documents from several commits draw each gated indicator over them.
    /// </summary>
    public string? Commit { get; init; }

    public SpecResults? Spec(string name) => Specs.FirstOrDefault(s => s.Name == name);
}

/// <summary>A machine that measured, as its hardware fingerprint describes it.</summary>
/// <param name="Id">The fingerprint id: what a baseline entry is keyed on.</param>
/// <param name="Summary">One line naming every identity field.</param>
/// <param name="Facts">Every fingerprint field by name (<c>provider</c>, <c>cpu</c>, <c>gpu</c>, <c>os</c>, <c>onnxruntime</c>, ...).</param>
public sealed record MachineResults(string Id, string Summary, IReadOnlyDictionary<string, string> Facts);

/// <summary>One spec's models.</summary>
/// <param name="Name">The spec's name.</param>
/// <param name="Path">The spec file as given to the run.</param>
/// <param name="Disagreement">The spec's <c>disagreement</c> mode: <c>off</c>, <c>warn</c> or <c>error</c>.</param>
/// <param name="Models">The models, in spec order.</param>
public sealed record SpecResults(string Name, string Path, string Disagreement, IReadOnlyList<ModelResults> Models)
{
    public ModelResults? Model(string name) => Models.FirstOrDefault(m => m.Name == name);

    /// <summary>This spec with only the model named <paramref name="name"/>: the results of a test of one model.</summary>
    public SpecResults Only(string name) => this with { Models = Models.Where(m => m.Name == name).ToList(), Benchmarks = Array.Empty<BenchmarkResults>() };

    /// <summary>
    /// This spec with only the cases of benchmark entry <paramref name="entry"/> (only <paramref name="benchmarkCase"/>
    /// when given) and no model: the results of a test of one benchmark case.
    /// </summary>
    public SpecResults OnlyBenchmark(string entry, string? benchmarkCase) => this with
    {
        Models = Array.Empty<ModelResults>(),
        Benchmarks = Benchmarks.Where(b => b.Entry == entry && (benchmarkCase is null || b.Case == benchmarkCase)).ToList(),
    };

    /// <summary>The two revisions compared, when the run compared against a base revision; null otherwise.</summary>
    public RevisionResults? Revisions { get; init; }

    /// <summary>The BenchmarkDotNet cases of the spec's <c>benchmarks</c>, in spec and file order; empty when it declares none.</summary>
    public IReadOnlyList<BenchmarkResults> Benchmarks { get; init; } = Array.Empty<BenchmarkResults>();
}

/// <summary>One BenchmarkDotNet case of a spec's benchmark entry, as the gate read and judged it.</summary>
/// <param name="Entry">The entry's name under <c>benchmarks</c>.</param>
/// <param name="Case">BenchmarkDotNet's full name of the case, parameters included (<c>Text.Join(Size: 16)</c>).</param>
/// <param name="File">The results file the case was read from.</param>
/// <param name="Host">The machine as BenchmarkDotNet describes it: <c>cpu</c>, <c>physical_cores</c>, <c>logical_cores</c>, <c>os</c>, <c>arch</c>, <c>runtime</c>, <c>benchmarkdotnet</c>.</param>
/// <param name="Indicators">The case's indicators the results carry, in catalogue order (times in ms per operation).</param>
/// <param name="Samples">Milliseconds per operation of each measured workload iteration, as recorded.</param>
/// <param name="Verdicts">The verdict of each budget of the entry on this case.</param>
public sealed record BenchmarkResults(
    string Entry,
    string Case,
    string File,
    IReadOnlyDictionary<string, string> Host,
    IReadOnlyList<IndicatorResult> Indicators,
    IReadOnlyList<double> Samples,
    IReadOnlyList<VerdictResult> Verdicts)
{
    public IndicatorResult? Indicator(string name) => Indicators.FirstOrDefault(i => i.Name == name);

    /// <summary>How many of <see cref="Samples"/> each BenchmarkDotNet launch (a process of its own) measured, in order.</summary>
    public IReadOnlyList<int> Launches { get; init; } = Array.Empty<int>();
}

/// <summary>The revisions of a comparison against a base revision.</summary>
/// <param name="Against">The revision or folder as the user named it (<c>origin/main</c>).</param>
/// <param name="Source"><c>git</c> (a revision of the spec's repository) or <c>folder</c> (a checkout of the base).</param>
/// <param name="BaseCommit">The base's full commit id; null for a folder that is not a git checkout.</param>
/// <param name="HeadCommit">The commit the head's working tree is on; null outside a git repository.</param>
public sealed record RevisionResults(string Against, string Source, string? BaseCommit, string? HeadCommit);

/// <summary>A model's counterpart at the base revision: whether it changed, and what the base measured where it did.</summary>
/// <param name="Status"><c>changed</c>, <c>unchanged</c> (byte-identical: not measured) or <c>new</c> (absent at the base).</param>
/// <param name="Path">The model's path inside the repository or checkout.</param>
/// <param name="Static">The base model's static indicators; empty unless changed.</param>
/// <param name="Runtime">The base model's measurements, interleaved with the head's; empty unless changed and measured.</param>
public sealed record BaseResults(string Status, string Path, IReadOnlyList<IndicatorResult> Static, IReadOnlyList<RuntimeResults> Runtime);

/// <summary>One model: its static indicators, its measurements per machine, profile and batch, and its verdicts.</summary>
/// <param name="Name">The model's name in the spec.</param>
/// <param name="Path">The model file.</param>
/// <param name="Quality">Quality metrics from the spec (<c>top1</c> to 0.781), plotted against every cost indicator.</param>
/// <param name="Static">The static indicators, in catalogue order; empty when the model could not be analysed.</param>
/// <param name="Runtime">The measurements, one per machine, profile and batch.</param>
/// <param name="Verdicts">Every verdict on the model: budgets, regressions, disagreements.</param>
public sealed record ModelResults(
    string Name,
    string Path,
    IReadOnlyDictionary<string, double> Quality,
    IReadOnlyList<IndicatorResult> Static,
    IReadOnlyList<RuntimeResults> Runtime,
    IReadOnlyList<VerdictResult> Verdicts)
{
    public IndicatorResult? StaticIndicator(string name) => Static.FirstOrDefault(i => i.Name == name);

    /// <summary>The model at the base revision, when the run compared against one; null otherwise.</summary>
    public BaseResults? Base { get; init; }
}

/// <summary>
/// One indicator's value with its unit. Measured values carry their confidence interval and sample count;
/// static values are exact (no interval, one sample). An unavailable value is null, with the reason in
/// <see cref="Note"/>: never a silent zero.
/// </summary>
public sealed record IndicatorResult(string Name, string Unit, double? Value, double? Lower = null, double? Upper = null, int Samples = 1, bool Stable = true, string? Note = null)
{
    public bool Available => Value is not null;
}

/// <summary>A model measured on one machine under one hardware profile at one batch size.</summary>
/// <param name="Machine">The fingerprint id of the machine (an entry of <see cref="EfficiencyResults.Machines"/>).</param>
/// <param name="Profile">The hardware profile's name, or <c>no profile</c>.</param>
/// <param name="Batch">The batch size measured at.</param>
/// <param name="Provider">The execution provider used: <c>cpu</c> or <c>cuda</c>.</param>
/// <param name="Settings">How it was measured: thread counts, execution mode, optimisation level, warm-up runs, elapsed seconds.</param>
/// <param name="Indicators">Every runtime indicator, in catalogue order.</param>
/// <param name="LatencySamples">
/// Per-inference latencies in milliseconds (the unit of the latency indicators), enough of the distribution to test a later run against: every sample
/// when there are at most <see cref="MaxStoredSamples"/>, otherwise that many evenly spaced quantiles of them.
/// </param>
/// <param name="Warnings">What limits the measurement.</param>
public sealed record RuntimeResults(
    string Machine,
    string Profile,
    int Batch,
    string Provider,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<IndicatorResult> Indicators,
    IReadOnlyList<double> LatencySamples,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The most latency samples a result or a baseline stores.</summary>
    public const int MaxStoredSamples = 2000;

    public IndicatorResult? Indicator(string name) => Indicators.FirstOrDefault(i => i.Name == name);
}

/// <summary>A verdict on one indicator of one model.</summary>
/// <param name="Kind"><c>budget</c> (an absolute limit), <c>regression</c> (against the baseline) or <c>disagreement</c> (indicators ranking models differently).</param>
/// <param name="Indicator">The indicator judged.</param>
/// <param name="Status"><c>pass</c>, <c>fail</c>, <c>warning</c>, <c>regressed</c>, <c>improved</c>, <c>unstable</c> (a budget), <c>inconclusive</c> (a regression) or <c>skipped</c>.</param>
/// <param name="Message">The full sentence a user reads.</param>
/// <param name="Location">Where the budget or setting is written (<c>file(line,col)</c>), when there is one.</param>
/// <param name="Profile">The hardware profile of a runtime verdict; null for a static one.</param>
/// <param name="Batch">The batch size of a runtime verdict.</param>
/// <param name="Measured">The value judged.</param>
/// <param name="Reference">The limit of a budget, the baseline value of a regression.</param>
/// <param name="Ratio">A regression's change as this run over the baseline (for measured indicators, the statistical comparison's ratio); null otherwise.</param>
/// <param name="RatioLower">Lower bound of a measured regression's ratio interval.</param>
/// <param name="RatioUpper">Upper bound of a measured regression's ratio interval.</param>
public sealed record VerdictResult(
    string Kind,
    string Indicator,
    string Status,
    string Message,
    string? Location = null,
    string? Profile = null,
    int? Batch = null,
    double? Measured = null,
    double? Reference = null,
    double? Ratio = null,
    double? RatioLower = null,
    double? RatioUpper = null)
{
    /// <summary>The confidence level of <see cref="RatioLower"/> and <see cref="RatioUpper"/>.</summary>
    public double? Confidence { get; init; }

    /// <summary>Lower bound of the ratio's 95% interval (measured against a revision).</summary>
    public double? RatioLower95 { get; init; }

    /// <summary>Upper bound of the ratio's 95% interval (measured against a revision).</summary>
    public double? RatioUpper95 { get; init; }

    /// <summary>What a regression verdict compared with: <c>baseline</c>, or the base revision (<c>base main (3f2a1b4c)</c>); null for other kinds.</summary>
    public string? Against { get; init; }
}

using EfficiencyMisnomer.Regression;
// usage: regression-error-rates WORK_DIR [PAIRS] [TIME_CAP_SECONDS] [THREADS]
//   Writes a stack of MatMul+Relu layers (about 1-3 ms per inference on a small CPU) and a variant with 10% more
//   layers, then measures PAIRS paired runs of each arm the way `misnomer run` measures (a fresh session per run,
//   the product's default MeasurementOptions with the gate's minimum of samples for a baseline comparison; THREADS intra-op threads as a profile's `threads` sets them,
//   by default one per physical core), round by round and alternating the order, and
//   judges each pair with MeasuredRegression.Compare at the default thresholds:
//     no change: baseline = model, current = the same model      goal: at most 1% regressed
//     slower:    baseline = model, current = the 10%-slower one  goal: at least 95% regressed
//   An unstable or regressed verdict is measured again once (a fresh session for the current side) and judged
//   again, as the runtime gate does (SessionConfirmation): a regression stands only when the second session confirms
//   it. What pooling the two sessions' samples would give is counted too. The baseline side is the median of
//   three fresh sessions, as the gate records it, stored as LatencySummary.Of, as a baseline file holds it.
using System.Diagnostics;
using System.Globalization;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Regression;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Shapes;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

const int Layers = 10;
const int SlowerLayers = 11;
const int Width = 384;
const int Batch = 64;

if (args.Length is < 1 or > 4)
{
    Console.Error.WriteLine("usage: regression-error-rates WORK_DIR [PAIRS] [TIME_CAP_SECONDS] [THREADS]");
    return 2;
}

var pairs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var options = args.Length > 2 && args[2].Length > 0
    ? MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(double.Parse(args[2], CultureInfo.InvariantCulture)), MinimumSamples = RuntimeGate.RegressionSamples }
    : MeasurementOptions.Default with { MinimumSamples = RuntimeGate.RegressionSamples };
var thresholds = RegressionThresholds.Default;
var started = Stopwatch.StartNew();
Directory.CreateDirectory(args[0]);
var model = OnnxModel.Load(Write(Path.Combine(args[0], "mlp-10.onnx"), Layers));
var slower = OnnxModel.Load(Write(Path.Combine(args[0], "mlp-11.onnx"), SlowerLayers));
var settings = SessionSettings.For(null, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null);
var provider = new ProviderSelection("cpu", "benchmark");
Console.WriteLine(Invariant($"models: {Layers} and {SlowerLayers} layers of MatMul [{Batch},{Width}]x[{Width},{Width}] + Relu; {settings.IntraOpThreads} intra-op threads; time cap {options.TimeCap.TotalSeconds:0.#} s; thresholds: tolerance {thresholds.Tolerance:0.##%}, noise floor {thresholds.NoiseFloor * 1e6:0.#} us, confidence {thresholds.Confidence:0.##%}; load average: {LoadAverage()}"));

var arms = new[] { new Arm("no change", model), new Arm("10% slower", slower) };
var sampleCounts = new List<int>();
var modelRatios = new List<double>();
for (int round = 0; round < pairs; round++)
{
    // Alternate which arm goes first so that a drift of the machine falls on both alike.
    foreach (var arm in round % 2 == 0 ? arms : Enumerable.Reverse(arms))
    {
        // As `misnomer run --update-baseline` records it: the median of several fresh sessions.
        var sessions = Enumerable.Range(0, SessionConfirmation.RecordedSessions).Select(_ => (IReadOnlyList<double>)Measure(model)).ToList();
        var baseline = LatencySummary.Of(sessions[SessionConfirmation.MedianSession(sessions)]);
        var current = Measure(arm.Current);
        var result = MeasuredRegression.Compare(baseline, current, thresholds);
        arm.First.Add(result.Status);
        var pooled = result;
        var final = result.Status;
        if (SessionConfirmation.Needed(result.Status))
        {
            // As the runtime gate does: a fresh session, judged alone; a regression must be confirmed by it.
            var again = Measure(arm.Current);
            var second = MeasuredRegression.Compare(baseline, again, thresholds);
            final = SessionConfirmation.Decide(result.Status, second.Status);
            pooled = MeasuredRegression.Compare(baseline, current.Concat(again).ToArray(), thresholds);
            result = second;
            arm.Remeasured++;
        }

        arm.Final.Add(final);
        arm.Alone.Add(pooled.Status);
        arm.Ratios.Add(result.Ratio);
        if (arm.Current == slower)
        {
            modelRatios.Add(Median(current) / Median(baseline));
        }

        Console.WriteLine(Invariant($"round {round + 1,3} {arm.Name,-10} {final,-9} {result.Explanation}"));
    }
}

Console.WriteLine();
Console.WriteLine(Invariant($"10%-slower model / model, median over rounds of the ratio of medians: {Median(modelRatios):0.000}"));
Console.WriteLine(Invariant($"samples per measurement: median {Median(sampleCounts.Select(c => (double)c).ToList()):0}, min {sampleCounts.Min()}, max {sampleCounts.Max()} ({sampleCounts.Count} measurements)"));
foreach (var arm in arms)
{
    Console.WriteLine(Invariant($"{arm.Name,-10}: first verdicts {Counts(arm.First)}; re-measured {arm.Remeasured}; final {Counts(arm.Final)}; median ratio {Median(arm.Ratios):0.000}"));
    Console.WriteLine(Invariant($"{"",-10}  final if the second session's samples were pooled with the first's instead: {Counts(arm.Alone)}"));
}

var falseAlarms = arms[0].Final.Count(s => s == RegressionOutcome.Regressed);
var caught = arms[1].Final.Count(s => s == RegressionOutcome.Regressed);
Console.WriteLine(Invariant($"pooled instead: false alarms {arms[0].Alone.Count(s => s == RegressionOutcome.Regressed)}/{pairs}, detections {arms[1].Alone.Count(s => s == RegressionOutcome.Regressed)}/{pairs}"));
Console.WriteLine(Invariant($"false alarms (no change judged regressed): {falseAlarms}/{pairs} = {100.0 * falseAlarms / pairs:0.#}%  goal <= 1%  {(falseAlarms * 100 <= pairs ? "PASS" : "MISS")}"));
Console.WriteLine(Invariant($"detections (10% slower judged regressed):  {caught}/{pairs} = {100.0 * caught / pairs:0.#}%  goal >= 95%  {(caught * 100 >= 95 * pairs ? "PASS" : "MISS")}"));
Console.WriteLine(Invariant($"total wall time: {started.Elapsed.TotalMinutes:0.0} min; load average at the end: {LoadAverage()}"));
return 0;

// One measurement as RuntimeMeasurer makes it: inputs generated, a fresh session, one cold inference, then
// warm-up and sampling under the default stopping rule (the median's interval). Milliseconds per inference.
double[] Measure(OnnxModel measured)
{
    var bound = BoundInputs.Resolve(measured, ShapeBindings.None);
    using var inputs = GeneratedInputs.Create(bound.Inputs);
    using var session = SessionFactory.Create(measured.Path, provider, settings);
    using var run = new BoundSession(session, inputs, bound.Outputs);
    run.Run();
    var rule = new StoppingRule(Array.Empty<LatencyStatistic>(), options);
    var samples = new LatencySampler(options).Sample(run.Run, rule);
    sampleCounts.Add(samples.Milliseconds.Length);
    return samples.Milliseconds;
}

static string Write(string path, int layers)
{
    var builder = new ModelBuilder($"mlp-{layers}", storage: WeightStorage.Random);
    var x = builder.Input("x", ElementType.Float, (long)Batch, (long)Width);
    for (int i = 0; i < layers; i++)
    {
        var product = builder.Op("MatMul", new[] { x, builder.Weight($"w{i}", Width, Width) });
        x = builder.Op("Relu", new[] { product });
    }

    builder.Node("Identity", new[] { x }, new[] { builder.Output("y", ElementType.Float, (long)Batch, (long)Width) });
    return builder.Save(path);
}

static double Median(IReadOnlyList<double> values) =>
    SimpleQuantileEstimator.Instance.Quantile(new Sample(values.ToArray()), 0.5).NominalValue;

static string Counts(List<RegressionOutcome> statuses) =>
    string.Join(", ", Enum.GetValues<RegressionOutcome>().Select(s => Invariant($"{s.ToString().ToLowerInvariant()} {statuses.Count(x => x == s)}")));

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string Invariant(FormattableString text) => FormattableString.Invariant(text);

internal sealed class Arm(string name, OnnxModel current)
{
    public string Name { get; } = name;

    public OnnxModel Current { get; } = current;

    public List<RegressionOutcome> First { get; } = new();

    public List<RegressionOutcome> Final { get; } = new();

    public List<RegressionOutcome> Alone { get; } = new();

    public List<double> Ratios { get; } = new();

    public int Remeasured { get; set; }
}

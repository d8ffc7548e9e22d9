using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Fuzz.Tests.Generators;

/// <summary>A results document, a second one to merge it with, and the JSON edits made to the first once written.</summary>
internal sealed record ResultsRecipe(EfficiencyResults Document, EfficiencyResults Other, JsonEdit[] Edits)
{
    public string Text() => JsonMutation.Apply(ResultsJson.Write(Document), Edits);

    public override string ToString() => $"edits: [{string.Join(", ", Edits.Select(e => e.ToString()))}]\nwritten then edited:\n{Text()}\nmerged with:\n{ResultsJson.Write(Other)}";
}

/// <summary>A baseline and the JSON edits made to it once written.</summary>
internal sealed record BaselineRecipe(Baseline Baseline, JsonEdit[] Edits)
{
    public string Text() => JsonMutation.Apply(BaselineJson.Write(Baseline), Edits);

    public override string ToString() => $"edits: [{string.Join(", ", Edits.Select(e => e.ToString()))}]\nwritten then edited:\n{Text()}";
}

/// <summary>
/// Results documents and baselines as the product writes them, filled with values from valid ones and from what has
/// broken readers and printers (names with control characters, extreme and non-finite numbers, empty lists,
/// thousands of samples), then written by the product's own writer and edited at the JSON level.
/// </summary>
internal static class ResultsGen
{
    private static readonly string[] IndicatorNames = IndicatorCatalog.StaticNames.Concat(IndicatorCatalog.RuntimeNames).ToArray();

    private static readonly string[] Units = { "", "count", "B", "ms", "/s", "J", "g", "ratio", "%", "MACs" };

    private static Gen<double?> Number { get; } = Pick.Weighted(
        (8, Gen.Double[0, 1e9].Select(d => (double?)d)),
        (2, Gen.OneOf(Hostile.Doubles).Select(d => (double?)d)),
        (1, Gen.Const((double?)null)));

    private static Gen<string> Name(params string[] plain) => Hostile.Name(plain);

    private static Gen<IndicatorResult> Indicator { get; } = Gen.Select(
        Pick.Weighted((8, Gen.OneOf(IndicatorNames)), (1, Hostile.String)), Gen.OneOf(Units), Number, Number, Number,
        Pick.Weighted((6, Gen.Const(1)), (2, Gen.Int[0, 100000]), (1, Gen.OneOf(int.MinValue, -1, int.MaxValue))), Gen.Bool,
        Pick.Weighted((6, Gen.Const((string?)null)), (1, Hostile.String.Select(s => (string?)s))),
        (name, unit, value, lower, upper, samples, stable, note) => new IndicatorResult(name, unit, value, lower, upper, samples, stable, note));

    private static Gen<VerdictResult> Verdict { get; } = Gen.Select(
        Gen.OneOf("budget", "regression", "disagreement", "", "other"), Gen.OneOf(IndicatorNames), Gen.OneOf("pass", "fail", "warning", "regressed", "improved", "unstable", "inconclusive", "skipped", "", "?"),
        Name("params 28 k within max 30 k", "latency over budget"), Pick.Weighted((3, Gen.Const((string?)null)), (1, Name("spec.yaml(3,4)").Select(s => (string?)s))),
        Pick.Weighted((3, Gen.Const((string?)null)), (1, Name("ci-cpu").Select(s => (string?)s))), Pick.Weighted((3, Gen.Const((int?)null)), (1, Gen.Int[-2, 64].Select(i => (int?)i))),
        Gen.Select(Number, Number, Number),
        (kind, indicator, status, message, location, profile, batch, numbers) =>
            new VerdictResult(kind, indicator, status, message, location, profile, batch, numbers.Item1, numbers.Item2, numbers.Item3, numbers.Item3 * 0.9, numbers.Item3 * 1.1));

    private static Gen<RuntimeResults> Runtime { get; } = Gen.Select(
        Gen.OneOf("m1", "m2", "", "\u001b"), Name("ci-cpu", "no profile", "h200"), Pick.Weighted((6, Gen.Int[1, 8]), (1, Gen.OneOf(0, -1, int.MaxValue))),
        Gen.OneOf("cpu", "cuda", "", "tpu"), Indicator.Array[0, 6],
        Pick.Weighted((6, Gen.Double[0.01, 5].Array[0, 50]), (1, Gen.OneOf(Hostile.FiniteDoubles).Array[0, 10]), (1, Gen.Double[0.01, 5].Array[2500, 3000])),
        Hostile.String.Array[0, 2],
        (machine, profile, batch, provider, indicators, samples, warnings) => new RuntimeResults(machine, profile, batch, provider,
            new Dictionary<string, string> { ["threads"] = "1" }, indicators, samples, warnings));

    private static Gen<ModelResults> Model { get; } = Gen.Select(
        Name("tiny-cnn", "vit-deep", "vit-wide", "m"), Name("models/tiny-cnn.onnx"),
        Gen.Select(Name("top1", "bleu"), Gen.Double[0, 1]).Array[0, 2],
        Indicator.Array[0, 8], Runtime.Array[0, 2], Verdict.Array[0, 4],
        Pick.Weighted((4, Gen.Const((BaseResults?)null)), (1, Gen.Select(Gen.OneOf("changed", "unchanged", "new", "?"), Indicator.Array[0, 3],
            (status, indicators) => (BaseResults?)new BaseResults(status, "models/x.onnx", indicators, Array.Empty<RuntimeResults>())))),
        (name, path, quality, statics, runtime, verdicts, baseModel) => new ModelResults(name, path,
            quality.GroupBy(q => q.Item1).ToDictionary(g => g.Key, g => g.First().Item2), statics, runtime, verdicts) { Base = baseModel });

    private static Gen<SpecResults> Spec { get; } = Gen.Select(
        Name("tiny-cnn", "sharing", "s"), Gen.OneOf("tiny-cnn.yaml", "specs/x.yaml", "../../etc/passwd", "/dev/zero", "", "models"), Gen.OneOf("off", "warn", "error", "", "?"),
        Model.Array[0, 3],
        (name, path, disagreement, models) => new SpecResults(name, path, disagreement, models));

    private static Gen<MachineResults> Machine { get; } = Gen.Select(Gen.OneOf("m1", "m2", "", "\u001b"), Name("AMD EPYC 7763, 2 cores"), Name("cpu", "gpu"),
        (id, summary, fact) => new MachineResults(id, summary, new Dictionary<string, string> { ["cpu"] = fact }));

    public static Gen<EfficiencyResults> Document { get; } = Gen.Select(
        Gen.OneOf(DateTimeOffset.UnixEpoch, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)),
        Machine.Array[0, 2], Spec.Array[0, 2],
        (created, machines, specs) => new EfficiencyResults(created, machines, specs));

    public static Gen<ResultsRecipe> Results { get; } = Gen.Select(Document, Document,
        Pick.Weighted((2, Gen.Const(Array.Empty<JsonEdit>())), (3, JsonMutation.Edit.Array[1, 4])),
        (document, other, edits) => new ResultsRecipe(document, other, edits));

    private static Gen<BaselineIndicator> BaselineIndicator { get; } = Gen.Select(
        Pick.Weighted((8, Gen.OneOf(IndicatorNames)), (1, Hostile.String)), Gen.OneOf(Units), Number, Number, Number,
        Pick.Weighted((6, Gen.Const(1)), (1, Gen.Int[0, 10000])),
        (name, unit, value, lower, upper, samples) => new BaselineIndicator(name, unit, value, lower, upper, samples));

    private static Gen<BaselineMeasurement> Measurement { get; } = Gen.Select(
        Name("tiny-cnn", "m"), Pick.Weighted((6, Gen.Int[1, 8]), (1, Gen.OneOf(0, -1, int.MaxValue))), BaselineIndicator.Array[0, 4],
        Pick.Weighted((6, Gen.Double[0.01, 5].Array[0, 50]), (1, Gen.OneOf(Hostile.FiniteDoubles).Array[0, 10])),
        (model, batch, indicators, samples) => new BaselineMeasurement(model, batch, DistinctByName(indicators), samples));

    public static Gen<Baseline> Baseline { get; } = Gen.Select(
        Name("tiny-cnn"),
        Gen.Select(Name("tiny-cnn", "m"), BaselineIndicator.Array[0, 5], (m, i) => new BaselineModel(m, DistinctByName(i))).Array[0, 3],
        Gen.Select(Name("ci-cpu"), Gen.OneOf("6bc7f3424796", "", "x"), Name("AMD EPYC"), Measurement.Array[0, 3],
            (profile, fingerprint, machine, measurements) => new BaselineProfile(profile, fingerprint, machine, DateTimeOffset.UnixEpoch, measurements)).Array[0, 3],
        (spec, statics, profiles) => new Baseline(spec, statics.DistinctBy(m => m.Model).ToList(), profiles));

    public static Gen<BaselineRecipe> Baselines { get; } = Gen.Select(Baseline,
        Pick.Weighted((2, Gen.Const(Array.Empty<JsonEdit>())), (3, JsonMutation.Edit.Array[1, 4])),
        (baseline, edits) => new BaselineRecipe(baseline, edits));

    /// <summary>A baseline's indicators are a JSON object: one per name.</summary>
    private static List<BaselineIndicator> DistinctByName(IEnumerable<BaselineIndicator> indicators) => indicators.DistinctBy(i => i.Name).ToList();
}

using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Disagreement;

/// <summary>Hand-made spec results: static values by name, and measured values with their intervals.</summary>
internal static class SpecResultsFactory
{
    public const string Machine = "machine-a";

    public static SpecResults Spec(params ModelResults[] models) => new("case", "specs/case.yaml", "warn", models);

    public static ModelResults Model(string name, params (string Name, double Value)[] statics) => new(
        name,
        $"models/{name}.onnx",
        new Dictionary<string, double>(),
        statics.Select(s => new IndicatorResult(s.Name, "count", s.Value)).ToList(),
        Array.Empty<RuntimeResults>(),
        Array.Empty<VerdictResult>());

    public static ModelResults WithRun(this ModelResults model, RuntimeResults run) =>
        model with { Runtime = model.Runtime.Append(run).ToList() };

    /// <summary>A run of <c>ci-cpu</c> at batch 1 holding measured values as (name, value, lower, upper).</summary>
    public static RuntimeResults Run(params (string Name, double Value, double Lower, double Upper)[] indicators) =>
        RunOn(Machine, indicators);

    public static RuntimeResults RunOn(string machine, params (string Name, double Value, double Lower, double Upper)[] indicators) => new(
        machine,
        "ci-cpu",
        1,
        "cpu",
        new Dictionary<string, string>(),
        indicators.Select(i => new IndicatorResult(i.Name, "s", i.Value, i.Lower, i.Upper, 100, true)).ToList(),
        Array.Empty<double>(),
        Array.Empty<string>());
}

using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Specs.Yaml;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>
/// Reads <c>regression</c>: <c>{ baseline: PATH, against: REVISION, tolerance: { default: 5%, params: 0% }, noise_floor: 10 us, strict: false }</c>,
/// with a baseline, a revision or both.
/// </summary>
internal static class RegressionReader
{
    /// <summary>The tolerance of indicators that declare none.</summary>
    public const double DefaultTolerance = 0.05;

    private const string NoBaseline = "'regression' has neither 'baseline' (a stored baseline file, relative to the spec's folder) nor 'against' (a base revision to measure beside the head, such as origin/main)";
    private const string UnknownIndicatorMessage = "unknown indicator '{0}' in 'tolerance' (use 'default' or an indicator name){1}";

    private const string NotABoolean = "'strict' must be true or false, not '{0}'";

    private static readonly string[] Keys = { "baseline", "against", "tolerance", "noise_floor", "strict" };

    public static RegressionPolicy? Read(YamlScalar key, YamlValue value, SpecReadContext context)
    {
        if (context.Map(value, "'regression'") is not { } map)
        {
            return null;
        }

        Located<string>? baseline = null;
        Located<string>? against = null;
        var fallback = new Located<double>(DefaultTolerance, key.Location);
        var tolerances = new Dictionary<string, Located<double>>(StringComparer.Ordinal);
        var noiseFloor = RegressionPolicy.DefaultNoiseFloorMilliseconds;
        var noiseFloorWritten = false;
        var strict = false;
        foreach (var (name, body) in map.Entries)
        {
            switch (name.Text)
            {
                case "baseline":
                    baseline = context.Scalar(body, "baseline") is { } path ? new Located<string>(path, body.Location) : null;
                    break;
                case "against":
                    against = context.Scalar(body, "against") is { } revision ? new Located<string>(revision, body.Location) : null;
                    break;
                case "tolerance":
                    fallback = ReadTolerances(body, tolerances, context) ?? fallback;
                    break;
                case "noise_floor":
                    // Time quantities are read in seconds; measured samples are in milliseconds.
                    noiseFloor = context.Quantity(body, "'noise_floor'", Dimension.Time) * 1e3 ?? noiseFloor;
                    noiseFloorWritten = true;
                    break;
                case "strict":
                    strict = ReadBoolean(body, context) ?? strict;
                    break;
                default:
                    context.UnknownKey(name, "'regression'", Keys);
                    break;
            }
        }

        if (baseline is null && against is null)
        {
            if (!map.Entries.Any(e => e.Key.Text is "baseline" or "against"))
            {
                context.Error(ErrorCodes.SpecMissingKey, NoBaseline, key.Location);
            }

            return null;
        }

        string? resolved = null;
        if (baseline is not null && (resolved = context.ResolveInside(baseline, "regression.baseline")) is null)
        {
            return null;
        }

        return new RegressionPolicy(baseline, resolved, fallback, tolerances, key.Location)
        {
            NoiseFloorMilliseconds = noiseFloor,
            NoiseFloorWritten = noiseFloorWritten,
            Strict = strict,
            Against = against,
        };
    }

    private static bool? ReadBoolean(YamlValue value, SpecReadContext context)
    {
        if (context.Scalar(value, "'strict'") is not { } text)
        {
            return null;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        context.Error(ErrorCodes.SpecInvalidValue, SpecReadContext.Text(NotABoolean, UserText.Quote(text)), value.Location);
        return null;
    }

    private static Located<double>? ReadTolerances(YamlValue value, Dictionary<string, Located<double>> tolerances, SpecReadContext context)
    {
        Located<double>? fallback = null;
        if (context.Map(value, "'tolerance'") is not { } map)
        {
            return null;
        }

        foreach (var (key, body) in map.Entries)
        {
            if (key.Text != "default" && (IndicatorCatalog.Find(key.Text) ?? IndicatorCatalog.FindBenchmark(key.Text)) is null)
            {
                var names = IndicatorCatalog.StaticNames.Concat(IndicatorCatalog.RuntimeNames).Concat(IndicatorCatalog.BenchmarkNames).Append("default");
                context.Error(ErrorCodes.UnknownIndicator, SpecReadContext.Text(UnknownIndicatorMessage, UserText.Quote(key.Text), NameSuggestion.DidYouMean(key.Text, names)), key.Location);
                continue;
            }

            if (context.Quantity(body, $"the tolerance of '{UserText.Quote(key.Text)}'", Dimension.Percent) is not { } fraction)
            {
                continue;
            }

            var located = new Located<double>(fraction, body.Location);
            if (key.Text == "default")
            {
                fallback = located;
            }
            else
            {
                tolerances[key.Text] = located;
            }
        }

        return fallback;
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Exporters;

/// <summary>
/// A results document in Bencher Metric Format (BMF JSON), for tracking every indicator over time in
/// Bencher: one benchmark per model (<c>spec/model</c>) for the static indicators and one per measured setup
/// (<c>spec/model [profile b1 @machine]</c>) for the runtime ones; one measure per indicator, named after
/// it, with its value in the document's unit and, for measured values, the confidence interval as
/// <c>lower_value</c> and <c>upper_value</c>. Unavailable values are left out (BMF requires a number).
/// </summary>
public static class ResultsBmf
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(EfficiencyResults results) => Document(results).ToJsonString(Indented);

    public static JsonObject Document(EfficiencyResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var document = new JsonObject();
        foreach (var spec in results.Specs)
        {
            foreach (var model in spec.Models)
            {
                Add(document, StaticBenchmark(spec, model), model.Static);
                foreach (var run in model.Runtime)
                {
                    Add(document, RuntimeBenchmark(spec, model, run), run.Indicators);
                }
            }
        }

        return document;
    }

    public static string StaticBenchmark(SpecResults spec, ModelResults model)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        return $"{spec.Name}/{model.Name}";
    }

    public static string RuntimeBenchmark(SpecResults spec, ModelResults model, RuntimeResults run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return $"{StaticBenchmark(spec, model)} [{run.Profile} b{run.Batch.ToString(CultureInfo.InvariantCulture)} @{run.Machine}]";
    }

    private static void Add(JsonObject document, string benchmark, IEnumerable<IndicatorResult> indicators)
    {
        var measures = new JsonObject();
        foreach (var indicator in indicators)
        {
            if (indicator.Value is not { } value || !double.IsFinite(value))
            {
                continue;
            }

            var metric = new JsonObject { ["value"] = value };
            if (indicator.Lower is { } lower && double.IsFinite(lower))
            {
                metric["lower_value"] = lower;
            }

            if (indicator.Upper is { } upper && double.IsFinite(upper))
            {
                metric["upper_value"] = upper;
            }

            measures[indicator.Name] = metric;
        }

        if (measures.Count > 0)
        {
            document[benchmark] = measures;
        }
    }
}

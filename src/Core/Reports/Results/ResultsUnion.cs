using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Reports.Results;

/// <summary>
/// Unites several results documents into one for a report: machines by fingerprint id, specs and models by
/// name (in first-seen order). A model's static indicators and quality come from the first document that has
/// them; its measurements and verdicts from all, a later measurement of the same machine, profile and batch
/// replacing an earlier one.
/// </summary>
public static class ResultsUnion
{
    public static EfficiencyResults Unite(IReadOnlyList<EfficiencyResults> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        documents = documents.Select(Complete).ToList();
        if (documents.Count == 1)
        {
            return documents[0];
        }

        var machines = documents.SelectMany(d => d.Machines).DistinctBy(m => m.Id).ToList();
        var specs = documents.SelectMany(d => d.Specs)
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Select(g => g.First() with { Models = Models(g.SelectMany(s => s.Models)) })
            .ToList();
        var created = documents.Count == 0 ? DateTimeOffset.UnixEpoch : documents.Max(d => d.Created);
        return new EfficiencyResults(created, machines, specs);
    }

    private static List<ModelResults> Models(IEnumerable<ModelResults> models) =>
        models.GroupBy(m => m.Name, StringComparer.Ordinal).Select(g =>
        {
            var all = g.ToList();
            var quality = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (metric, value) in all.SelectMany(m => m.Quality))
            {
                quality.TryAdd(metric, value);
            }

            var runtime = all.SelectMany(m => m.Runtime)
                .GroupBy(r => (r.Machine, r.Profile, r.Batch))
                .Select(r => r.Last())
                .ToList();
            return all[0] with
            {
                Quality = quality,
                Static = all.FirstOrDefault(m => m.Static.Count > 0)?.Static ?? all[0].Static,
                Runtime = runtime,
                Verdicts = all.SelectMany(m => m.Verdicts).ToList(),
            };
        }).ToList();

    /// <summary>
    /// The document with every member a hand-written file left out present and empty (JSON readers leave a
    /// missing member null), so that a report of a sparse document shows blanks instead of failing.
    /// </summary>
    public static EfficiencyResults Complete(EfficiencyResults document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with
        {
            Machines = (document.Machines ?? Array.Empty<MachineResults>())
                .Select(m => m with { Id = m.Id ?? "", Summary = m.Summary ?? "", Facts = m.Facts ?? new Dictionary<string, string>() })
                .ToList(),
            Specs = (document.Specs ?? Array.Empty<SpecResults>()).Select(s => s with
            {
                Name = s.Name ?? "",
                Path = s.Path ?? "",
                Disagreement = s.Disagreement ?? "",
                Models = (s.Models ?? Array.Empty<ModelResults>()).Select(Complete).ToList(),
            }).ToList(),
        };
    }

    private static ModelResults Complete(ModelResults model) => model with
    {
        Name = model.Name ?? "",
        Path = model.Path ?? "",
        Quality = model.Quality ?? new Dictionary<string, double>(),
        Static = (model.Static ?? Array.Empty<IndicatorResult>()).Select(Complete).ToList(),
        Runtime = (model.Runtime ?? Array.Empty<RuntimeResults>()).Select(r => r with
        {
            Machine = r.Machine ?? "",
            Profile = r.Profile ?? "",
            Provider = r.Provider ?? "",
            Settings = r.Settings ?? new Dictionary<string, string>(),
            Indicators = (r.Indicators ?? Array.Empty<IndicatorResult>()).Select(Complete).ToList(),
            LatencySamples = r.LatencySamples ?? Array.Empty<double>(),
            Warnings = r.Warnings ?? Array.Empty<string>(),
        }).ToList(),
        Verdicts = (model.Verdicts ?? Array.Empty<VerdictResult>())
            .Select(v => v with { Kind = v.Kind ?? "", Indicator = v.Indicator ?? "", Status = v.Status ?? "", Message = v.Message ?? "" })
            .ToList(),
    };

    private static IndicatorResult Complete(IndicatorResult indicator) => indicator with { Name = indicator.Name ?? "", Unit = indicator.Unit ?? "" };
}

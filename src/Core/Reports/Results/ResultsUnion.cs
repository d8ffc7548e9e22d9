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
}

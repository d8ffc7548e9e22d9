namespace EfficiencyMisnomer.Baselines;

/// <summary>
/// How a baseline is updated: what a run recorded replaces only what it measured. Other models' static indicators,
/// other profiles, other machines, other models and batches of the same profile and machine, and benchmark cases it did not read or read on
/// another host are kept.
/// </summary>
public static class BaselineMerge
{
    /// <summary><paramref name="recorded"/> merged into <paramref name="old"/> (null: no baseline yet).</summary>
    public static Baseline Merge(Baseline? old, Baseline recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (old is null)
        {
            return recorded;
        }

        var models = old.Static.Where(m => recorded.StaticModel(m.Model) is null).Concat(recorded.Static).ToList();
        var profiles = old.Profiles.ToList();
        foreach (var entry in recorded.Profiles)
        {
            var index = profiles.FindIndex(p => p.Profile == entry.Profile && p.Fingerprint == entry.Fingerprint);
            if (index < 0)
            {
                profiles.Add(entry);
                continue;
            }

            var kept = profiles[index].Measurements.Where(m => entry.Measurement(m.Model, m.Batch) is null);
            profiles[index] = entry with { Measurements = kept.Concat(entry.Measurements).ToList() };
        }

        var benchmarks = old.Benchmarks.Where(b => !recorded.Benchmarks.Any(r => r.Entry == b.Entry && r.Case == b.Case && r.Host == b.Host))
            .Concat(recorded.Benchmarks).ToList();
        return new Baseline(recorded.Spec, models, profiles) { Benchmarks = benchmarks };
    }
}

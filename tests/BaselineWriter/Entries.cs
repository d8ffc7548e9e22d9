using EfficiencyMisnomer.Baselines;

namespace EfficiencyMisnomer.BaselineWriter;

/// <summary>The baseline entries the writer adds: one profile with one measurement, named after the profile.</summary>
public static class Entries
{
    public static Baseline Profile(string spec, string profile)
    {
        var samples = Enumerable.Range(0, 200).Select(i => 1 + (i % 17) / 100.0).ToArray();
        var measurement = new BaselineMeasurement("model-" + profile, 1, new[] { new BaselineIndicator("latency.p50", "ms", 1.08, 1.07, 1.09, 200) }, samples);
        var entry = new BaselineProfile(profile, "fp-" + profile, "test machine " + profile, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), new[] { measurement });
        return new Baseline(spec, Array.Empty<BaselineModel>(), new[] { entry });
    }
}

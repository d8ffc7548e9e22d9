using System.Collections.Concurrent;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Revisions;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// The static gate's result for a spec, computed once and shared by the spec's static tests, each of which asserts its
/// own model: a spec of N models costs N analyses, not N². A result is used again only while every file the gate read
/// (the spec, its models and their external data, the baseline) is as it was; a comparison against a base revision is
/// never kept, because the base files it extracted go when its test ends.
/// </summary>
internal static class StaticGateRuns
{
    private static readonly ConcurrentDictionary<(string Spec, bool CompareBaselines, bool RunBenchmarks), object> Locks = new();
    private static readonly ConcurrentDictionary<(string Spec, bool CompareBaselines, bool RunBenchmarks), Kept> Results = new();

    /// <summary>
    /// The gate's result for <paramref name="specPath"/>, computed or kept from an earlier test of the run. With
    /// <paramref name="runBenchmarks"/>, the spec's benchmark projects run first; the results they write are inputs like
    /// any other, so later tests of the spec keep that run's result instead of running them again.
    /// </summary>
    public static GateResult For(string specPath, bool compareBaselines, BaseRevisions revisions, bool runBenchmarks = false)
    {
        var key = (Path.GetFullPath(specPath), compareBaselines, runBenchmarks);
        lock (Locks.GetOrAdd(key, _ => new object()))
        {
            if (revisions.Override is null && Results.TryGetValue(key, out var kept) && kept.StillCurrent())
            {
                return kept.Result;
            }

            // Stamps are taken before the run, so that a file changed while it runs makes the next test run again.
            var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal) { [key.Item1] = FileStamp.Of(key.Item1) };
            var result = StaticGate.Check(new[] { specPath }, new GateOptions
            {
                CompareBaselines = compareBaselines,
                Revisions = revisions,
                BenchmarkProjects = runBenchmarks ? new Benchmarks.BenchmarkProjectRunner(progress: TestContext.Progress.WriteLine) : null,
            });
            if (revisions.Override is not null || result.Models.Any(m => m.Base is not null))
            {
                Results.TryRemove(key, out _);
                return result;
            }

            foreach (var input in result.InputFiles.Where(f => !stamps.ContainsKey(f)))
            {
                stamps[input] = FileStamp.Of(input);
            }

            Results[key] = new Kept(result, stamps);
            return result;
        }
    }

    private sealed record Kept(GateResult Result, IReadOnlyDictionary<string, FileStamp> Stamps)
    {
        public bool StillCurrent() => Stamps.All(stamp => FileStamp.Of(stamp.Key) == stamp.Value);
    }

    /// <summary>What says a file changed: whether it exists, its size and its last write time.</summary>
    private readonly record struct FileStamp(bool Exists, long Length, DateTime LastWriteUtc)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(true, info.Length, info.LastWriteTimeUtc) : default;
        }
    }
}
